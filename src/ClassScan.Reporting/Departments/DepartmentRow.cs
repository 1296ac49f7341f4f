using System.Globalization;
using ClassScan.Core.Scanning;
using CsvHelper.Configuration.Attributes;

namespace ClassScan.Reporting.Departments;

/// <summary>
/// One row of <c>forvaltningar/&lt;namn&gt;.csv</c>: a file the department must act on, in Swedish for people
/// working in Excel. Same privacy as results.csv: path, reason and masked evidence, never content.
/// </summary>
public sealed class DepartmentRow
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

    public static DepartmentRow From(ScanResult r) => new()
    {
        File = r.Item.Path,
        Link = r.Item.WebUrl ?? "",
        Level = ReviewerText.Level(r),
        Why = ReviewerText.Why(r),
        Action = ReviewerText.Action(r),
        LastModifiedBy = r.Item.LastModifiedBy ?? "",
        LastModified = r.Item.LastModified?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "",
        Found = EvidenceFormatter.Format(r.Evidence),
        Id = r.Item.ReportId ?? "",
        Rank = ReviewerText.Rank(r),
    };
}
