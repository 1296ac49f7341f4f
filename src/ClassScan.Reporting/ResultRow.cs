using CsvHelper.Configuration.Attributes;

namespace ClassScan.Reporting;

/// <summary>
/// The columns of results.csv / flagged.csv, and (named and typed the same, by <see cref="ReportColumns{TRow}"/>) of
/// results.jsonl: a view of <see cref="ReportRow"/>. The first ten columns are the original contract (scripts read
/// them by position); new columns go at the end, and appear in every one of those files at once.
/// </summary>
internal sealed class ResultRow
{
    [Name("path"), Index(0)] public string Path { get; init; } = "";
    [Name("status"), Index(1)] public string Status { get; init; } = "";

    /// <summary>Empty in the CSV and null in the JSON when the file was not judged.</summary>
    [Name("level"), Index(2)] public int? Level { get; init; }

    [Name("must_leave"), Index(3), BooleanTrueValues("true"), BooleanFalseValues("false")] public bool MustLeave { get; init; }
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

    public static ResultRow From(ReportRow r) => new()
    {
        Path = r.Path,
        Status = r.Status,
        Level = r.Level,
        MustLeave = r.MustLeave,
        Reason = r.Reason,
        PnrCount = r.PnrCount,
        Evidence = r.Evidence,
        Bytes = r.Bytes,
        Extractor = r.Extractor,
        ElapsedMs = r.ElapsedMs,
        HealthCount = r.HealthCount,
        OslMarking = r.OslMarking,
        Rule = r.Rule,
        WebUrl = r.WebUrl,
        LastModifiedBy = r.LastModifiedBy,
        LastModified = r.LastModified,
        Id = r.Id,
    };
}
