using ClassScan.Reporting.Departments;

namespace ClassScan.Cli.Configuration;

/// <summary>One entry of "Departments": a förvaltning and the rules that map files to it.</summary>
public sealed class DepartmentSettings
{
    public string? Name { get; set; }
    public string[]? SiteUrls { get; set; }
    public string[]? Drives { get; set; }
    public string[]? PathGlobs { get; set; }
    public string[]? Owners { get; set; }

    public DepartmentRule ToRule() => new(Name ?? "")
    {
        SiteUrls = SiteUrls ?? [],
        Drives = Drives ?? [],
        PathGlobs = PathGlobs ?? [],
        Owners = Owners ?? [],
    };
}
