namespace ClassScan.Reporting.Departments;

/// <summary>
/// Which files belong to one förvaltning. A file matches when any one of the lists matches; rules are tried
/// in configuration order and the first match wins, so put narrow rules (one site) before broad ones (an owner domain).
/// </summary>
/// <param name="Name">The förvaltning as reviewers know it; also the file name of its CSV.</param>
public sealed record DepartmentRule(string Name)
{
    /// <summary>SharePoint/OneDrive site URLs; a file matches when its web URL is the site or lies under it.</summary>
    public IReadOnlyList<string> SiteUrls { get; init; } = [];

    /// <summary>Graph drive ids (the item id starts with it) or document library names (the first part of the path).</summary>
    public IReadOnlyList<string> Drives { get; init; } = [];

    /// <summary>Path globs (see <see cref="PathGlob"/>): <c>**/Socialtjänst/**</c>, <c>/mnt/g/IFO/**</c>.</summary>
    public IReadOnlyList<string> PathGlobs { get; init; } = [];

    /// <summary>Who last modified the file, exact or with '*' (e.g. <c>*@soc.kommun.se</c>); case-insensitive.</summary>
    public IReadOnlyList<string> Owners { get; init; } = [];
}
