using ClassScan.Core.Scanning;
using CsvHelper.Configuration.Attributes;

namespace ClassScan.Reporting;

/// <summary>
/// One row of review.csv: a file the scanner could not judge, or a judged file that only the classifier suspects
/// (status "granska"), why, and what to do.
/// </summary>
public sealed class ReviewRow
{
    [Name("path"), Index(0)] public string Path { get; init; } = "";
    [Name("status"), Index(1)] public string Status { get; init; } = "";
    [Name("reason"), Index(2)] public string Reason { get; init; } = "";
    [Name("action"), Index(3)] public string Action { get; init; } = "";
    [Name("bytes"), Index(4)] public long Bytes { get; init; }
    [Name("web_url"), Index(5)] public string WebUrl { get; init; } = "";
    [Name("id"), Index(6)] public string Id { get; init; } = "";

    /// <summary>The status shown for a judged file that carries a suspicion without evidence.</summary>
    public const string SuspicionStatus = "granska";

    /// <summary>True when a person should look at the file: not judged, or judged with a suspicion.</summary>
    public static bool Needed(ScanResult r) => r.Status != ScanStatus.Ok || r.Classification?.Review is not null;

    public static ReviewRow From(ScanResult r) => new()
    {
        Path = r.Item.Path,
        Status = r.Status == ScanStatus.Ok && r.Classification?.Review is not null ? SuspicionStatus : r.Status.ToReportName(),
        Reason = r.Status == ScanStatus.Ok && r.Classification?.Review is { } review ? review : r.StatusDetail ?? "",
        Action = r.Status == ScanStatus.Ok ? ReviewAdvice.ForSuspicion : ReviewAdvice.For(r.Status),
        Bytes = r.Bytes,
        WebUrl = r.Item.WebUrl ?? "",
        Id = r.Item.ReportId ?? "",
    };
}
