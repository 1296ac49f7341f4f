using CsvHelper.Configuration.Attributes;

namespace ClassScan.Reporting;

/// <summary>
/// The columns of review.csv, a view of <see cref="ReportRow"/>: a file the scanner could not judge, or a judged file
/// that only the classifier suspects (status "granska"), why, and what to do (the department files' words).
/// </summary>
internal sealed class ReviewRow
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

    public static ReviewRow From(ReportRow r) => new()
    {
        Path = r.Path,
        Status = r.ReviewStatus,
        Reason = r.ReviewReason,
        Action = r.Action,
        Bytes = r.Bytes,
        WebUrl = r.WebUrl,
        Id = r.Id,
    };
}
