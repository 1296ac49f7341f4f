using ClassScan.Core.Scanning;

namespace ClassScan.Pipeline;

/// <summary>Totals kept by the single report stage (no locking needed).</summary>
internal sealed class SummaryCounter
{
    private readonly Dictionary<string, int> byStatus = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int> byLevel = [];
    private int files, mustLeave;
    private long bytes;

    public bool SinkFailed { get; set; }

    public void Add(ScanResult r)
    {
        files++;
        bytes += r.Bytes;
        var s = r.Status.ToReportName();
        byStatus[s] = byStatus.GetValueOrDefault(s) + 1;
        if (r.Classification is { } c)
        {
            byLevel[(int)c.Level] = byLevel.GetValueOrDefault((int)c.Level) + 1;
            if (r.MustLeave) mustLeave++;
        }
    }

    public ScanSummary ToSummary(DateTimeOffset started, DateTimeOffset finished, bool complete, string? reason, long chars) => new()
    {
        StartedAt = started,
        FinishedAt = finished,
        Complete = complete,
        IncompleteReason = reason,
        Files = files,
        Bytes = bytes,
        ExtractedChars = chars,
        MustLeave = mustLeave,
        ByStatus = new Dictionary<string, int>(byStatus),
        ByLevel = new Dictionary<int, int>(byLevel),
    };
}
