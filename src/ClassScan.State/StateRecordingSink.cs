using ClassScan.Core.Scanning;

namespace ClassScan.State;

/// <summary>
/// Wraps the report sink: each verdict is committed to the state before it is passed on, so a killed process
/// does not scan finished files again. On completion it closes the run in the history and hands the changes
/// since the last complete report to <paramref name="writeChanges"/> (changes.csv) before the inner reports
/// complete (so they can point at it); after a complete run the current flags become the new baseline.
/// Single writer like any sink; does not own (dispose) the inner sink.
/// </summary>
public sealed class StateRecordingSink(
    IScanResultSink inner,
    ScanRun run,
    Func<IReadOnlyList<FlagChange>, CancellationToken, ValueTask>? writeChanges = null) : IScanResultSink
{
    /// <summary>The changes computed at completion; empty before.</summary>
    public IReadOnlyList<FlagChange> Changes { get; private set; } = [];

    public async ValueTask WriteAsync(ScanResult result, CancellationToken ct)
    {
        run.Record(result);
        await inner.WriteAsync(result, ct).ConfigureAwait(false);
    }

    public async ValueTask CompleteAsync(ScanSummary summary, CancellationToken ct)
    {
        Changes = run.Finish(summary);
        if (writeChanges is not null) await writeChanges(Changes, ct).ConfigureAwait(false);
        await inner.CompleteAsync(summary, ct).ConfigureAwait(false);
        // Only a complete run moves the baseline: after an interrupted one, the next report still shows every change.
        if (summary.Complete) run.AcceptChanges();
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
