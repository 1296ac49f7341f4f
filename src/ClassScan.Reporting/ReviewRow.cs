using ClassScan.Core.Scanning;
using CsvHelper.Configuration.Attributes;

namespace ClassScan.Reporting;

/// <summary>One row of review.csv: a file the scanner could not judge, why, and what to do.</summary>
public sealed class ReviewRow
{
    [Name("path"), Index(0)] public string Path { get; init; } = "";
    [Name("status"), Index(1)] public string Status { get; init; } = "";
    [Name("reason"), Index(2)] public string Reason { get; init; } = "";
    [Name("action"), Index(3)] public string Action { get; init; } = "";
    [Name("bytes"), Index(4)] public long Bytes { get; init; }
    [Name("web_url"), Index(5)] public string WebUrl { get; init; } = "";

    public static ReviewRow From(ScanResult r) => new()
    {
        Path = r.Item.Path,
        Status = r.Status.ToReportName(),
        Reason = r.StatusDetail ?? "",
        Action = ReviewAdvice.For(r.Status),
        Bytes = r.Bytes,
        WebUrl = r.Item.WebUrl ?? "",
    };
}
