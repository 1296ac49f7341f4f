using ClassScan.Core.Classification;
using ClassScan.Core.Scanning;

namespace ClassScan.Reporting.Tests;

/// <summary>Builds scan results and summaries for the report tests (synthetic, masked samples only).</summary>
internal static class Results
{
    public static ScanResult Flagged(string path, KlassaLevel level = KlassaLevel.Konfidentiell, string reason = "Personnummer som identifierar en person (regel 3)",
        string? webUrl = null, string? owner = null) => new()
    {
        Item = new SourceItem(path, path, 100, new DateTimeOffset(2025, 3, 4, 5, 6, 0, TimeSpan.Zero)) { WebUrl = webUrl, LastModifiedBy = owner },
        Status = ScanStatus.Ok,
        Classification = new ClassificationResult(level, reason, "R3-identitet"),
        Evidence = [new EvidenceItem("personnummer", 2, ["sida 1"], "19121212-****", [])],
        PersonnummerCount = 2,
        Bytes = 100,
        Extractor = "pdfpig",
    };

    public static ScanResult Clean(string path, KlassaLevel level = KlassaLevel.Intern) => new()
    {
        Item = new SourceItem(path, path, 50, null),
        Status = ScanStatus.Ok,
        Classification = new ClassificationResult(level, "Inga känsliga uppgifter (klassificeraren 93 %)", "R5+ML-1"),
        Bytes = 50,
        Extractor = "docx",
    };

    public static ScanResult Blind(string path, ScanStatus status = ScanStatus.Encrypted, string detail = "lösenordsskyddad") => new()
    {
        Item = new SourceItem(path, path, 10, null),
        Status = status,
        StatusDetail = detail,
        Bytes = 10,
    };

    public static ScanSummary Summary(IEnumerable<ScanResult> results, bool complete = true, DateTimeOffset? started = null)
    {
        var list = results.ToList();
        var start = started ?? DateTimeOffset.UtcNow.AddSeconds(-10);
        return new ScanSummary
        {
            StartedAt = start,
            FinishedAt = start.AddSeconds(10),
            Complete = complete,
            IncompleteReason = complete ? null : "avbruten av användaren",
            Files = list.Count,
            Bytes = list.Sum(r => r.Bytes),
            MustLeave = list.Count(r => r.MustLeave),
            ByStatus = list.GroupBy(r => r.Status.ToReportName()).ToDictionary(g => g.Key, g => g.Count()),
            ByLevel = list.Where(r => r.Classification is not null).GroupBy(r => (int)r.Classification!.Level).ToDictionary(g => g.Key, g => g.Count()),
        };
    }

    /// <summary>Writes every result to the sink and completes it with a matching summary.</summary>
    public static async Task<ScanSummary> RunAsync(IScanResultSink sink, IEnumerable<ScanResult> results, bool complete = true)
    {
        var list = results.ToList();
        foreach (var r in list) await sink.WriteAsync(r, default);
        var summary = Summary(list, complete);
        await sink.CompleteAsync(summary, default);
        return summary;
    }
}
