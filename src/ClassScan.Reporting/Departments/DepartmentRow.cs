using CsvHelper.Configuration.Attributes;

namespace ClassScan.Reporting.Departments;

/// <summary>
/// The columns of <c>forvaltningar/&lt;namn&gt;.csv</c>, a view of <see cref="ReportRow"/> with Swedish headers for
/// people working in Excel: a file the department must act on. Same privacy as results.csv: path, reason and masked
/// evidence, never content.
/// </summary>
internal sealed class DepartmentRow
{
    [Name("Fil"), Index(0)] public string File { get; init; } = "";
    [Name("Länk"), Index(1)] public string Link { get; init; } = "";
    [Name("Nivå"), Index(2)] public string Level { get; init; } = "";
    [Name("Varför"), Index(3)] public string Why { get; init; } = "";
    [Name("Åtgärd"), Index(4)] public string Action { get; init; } = "";
    [Name("Senast ändrad av"), Index(5)] public string LastModifiedBy { get; init; } = "";
    [Name("Senast ändrad"), Index(6)] public string LastModified { get; init; } = "";

    /// <summary>Where in the file and what was found (counts, locations, masked samples) so the reviewer can check.</summary>
    [Name("Hittat"), Index(7)] public string Found { get; init; } = "";

    /// <summary>The file's report id, which the coordinator resolves when the path is masked.</summary>
    [Name("Id"), Index(8)] public string Id { get; init; } = "";

    [Ignore] internal int Rank { get; init; }

    public static DepartmentRow From(ReportRow r) => new()
    {
        File = r.Path,
        Link = r.WebUrl,
        Level = r.LevelText,
        Why = r.Why,
        Action = r.Action,
        LastModifiedBy = r.LastModifiedBy,
        LastModified = r.LastModified,
        Found = r.Evidence,
        Id = r.Id,
        Rank = r.Rank,
    };
}
