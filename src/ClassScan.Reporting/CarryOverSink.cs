using ClassScan.Core.Scanning;

namespace ClassScan.Reporting;

/// <summary>
/// Adds the verdicts of files an incremental run did not read again (unchanged since an earlier run) to the
/// reports at completion, and counts them in the summary the reports see. Without it the second night's
/// department lists and rapport.html would show only changed files, and every unchanged flagged file would
/// look resolved. Does not own the inner sink. Single writer.
/// </summary>
public sealed class CarryOverSink(IScanResultSink inner, Func<IReadOnlyList<ScanResult>> carried) : IScanResultSink
{
    /// <summary>How many results were carried over (known after completion).</summary>
    public int Carried { get; private set; }

    public ValueTask WriteAsync(ScanResult result, CancellationToken ct) => inner.WriteAsync(result, ct);

    public async ValueTask CompleteAsync(ScanSummary summary, CancellationToken ct)
    {
        var extra = carried();
        foreach (var r in extra) await inner.WriteAsync(r, ct).ConfigureAwait(false);
        Carried = extra.Count;
        await inner.CompleteAsync(extra.Count == 0 ? summary : Add(summary, extra), ct).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static ScanSummary Add(ScanSummary s, IReadOnlyList<ScanResult> extra)
    {
        var byStatus = new Dictionary<string, int>(s.ByStatus);
        var byLevel = new Dictionary<int, int>(s.ByLevel);
        foreach (var r in extra)
        {
            var name = r.Status.ToReportName();
            byStatus[name] = byStatus.GetValueOrDefault(name) + 1;
            if (r.Classification is { } c) byLevel[(int)c.Level] = byLevel.GetValueOrDefault((int)c.Level) + 1;
        }
        return s with
        {
            Files = s.Files + extra.Count,
            Bytes = s.Bytes + extra.Sum(r => r.Bytes),
            MustLeave = s.MustLeave + extra.Count(r => r.MustLeave),
            ByStatus = byStatus,
            ByLevel = byLevel,
        };
    }
}
