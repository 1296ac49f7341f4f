using ClassScan.Core.Scanning;

namespace ClassScan.Reporting;

/// <summary>
/// Adds the verdicts of files an incremental run did not read again (unchanged since an earlier run) to the
/// reports at completion, and counts them in the summary the reports see. Without it the second night's
/// department lists and rapport.html would show only changed files, and every unchanged flagged file would
/// look resolved. Does not own the inner sink. Single writer.
/// </summary>
public sealed class CarryOverSink(IScanResultSink inner, Func<IEnumerable<ScanResult>> carried) : IScanResultSink
{
    /// <summary>How many results were carried over (known after completion).</summary>
    public int Carried { get; private set; }

    public ValueTask WriteAsync(ScanResult result, CancellationToken ct) => inner.WriteAsync(result, ct);

    /// <summary>Writes the carried results as the state streams them (a large state is never held whole) and adds them
    /// to the summary.</summary>
    public async ValueTask CompleteAsync(ScanSummary summary, CancellationToken ct)
    {
        var totals = new SummaryTotals();
        foreach (var r in carried())
        {
            await inner.WriteAsync(r, ct).ConfigureAwait(false);
            totals.Add(r);
        }
        Carried = totals.Files;
        await inner.CompleteAsync(totals.Files == 0 ? summary : totals.AddTo(summary), ct).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
