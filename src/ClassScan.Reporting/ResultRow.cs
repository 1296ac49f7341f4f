using ClassScan.Core.Scanning;
using CsvHelper.Configuration.Attributes;

namespace ClassScan.Reporting;

/// <summary>One row of results.csv / flagged.csv. The first ten columns are the original contract (scripts read them by position); new columns go at the end.</summary>
public sealed class ResultRow
{
    [Name("path"), Index(0)] public string Path { get; init; } = "";
    [Name("status"), Index(1)] public string Status { get; init; } = "";
    [Name("level"), Index(2)] public string Level { get; init; } = "";
    [Name("must_leave"), Index(3)] public string MustLeave { get; init; } = "";
    [Name("reason"), Index(4)] public string Reason { get; init; } = "";
    [Name("pnr_count"), Index(5)] public int PnrCount { get; init; }
    [Name("evidence"), Index(6)] public string Evidence { get; init; } = "";
    [Name("bytes"), Index(7)] public long Bytes { get; init; }
    [Name("extractor"), Index(8)] public string Extractor { get; init; } = "";
    [Name("elapsed_ms"), Index(9)] public long ElapsedMs { get; init; }
    [Name("health_count"), Index(10)] public int HealthCount { get; init; }
    [Name("osl_marking"), Index(11)] public string OslMarking { get; init; } = "";
    [Name("rule"), Index(12)] public string Rule { get; init; } = "";
    [Name("web_url"), Index(13)] public string WebUrl { get; init; } = "";
    [Name("last_modified_by"), Index(14)] public string LastModifiedBy { get; init; } = "";
    [Name("last_modified"), Index(15)] public string LastModified { get; init; } = "";

    /// <summary>The file's report id: names the file when its path is masked (<c>classscan show ID</c>).</summary>
    [Name("id"), Index(16)] public string Id { get; init; } = "";

    public static ResultRow From(ScanResult r) => new()
    {
        Path = r.Item.Path,
        Status = r.Status.ToReportName(),
        Level = r.Classification is { } c ? ((int)c.Level).ToString(System.Globalization.CultureInfo.InvariantCulture) : "",
        MustLeave = r.MustLeave ? "true" : "false",
        // For files that could not be judged the reason is the cause, so every row explains itself.
        Reason = r.Classification?.Reason is { } reason
            ? (r.StatusDetail is { Length: > 0 } note ? $"{reason} (obs: {note})" : reason)
            : r.StatusDetail ?? "",
        PnrCount = r.PersonnummerCount,
        Evidence = EvidenceFormatter.Format(r.Evidence),
        Bytes = r.Bytes,
        Extractor = r.Extractor ?? "",
        ElapsedMs = (long)r.Elapsed.TotalMilliseconds,
        HealthCount = r.HealthCount,
        OslMarking = r.OslMarking ?? "",
        Rule = r.Classification?.RuleId ?? "",
        WebUrl = r.Item.WebUrl ?? "",
        LastModifiedBy = r.Item.LastModifiedBy ?? "",
        LastModified = r.Item.LastModified?.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) ?? "",
        Id = r.Item.ReportId ?? "",
    };
}
