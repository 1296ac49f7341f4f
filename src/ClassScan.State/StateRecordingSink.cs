using System.Runtime.ExceptionServices;
using ClassScan.Core.Scanning;

namespace ClassScan.State;

/// <summary>
/// Wraps the report sink: each verdict is committed to the state before it is passed on, so a killed process
/// does not scan finished files again. On completion it closes the run in the history and hands the changes
/// since the last complete report to <paramref name="writeChanges"/> (changes.csv) before the inner reports
/// complete (so they can point at it); after a complete run the current flags become the new baseline.
/// When the state cannot be written (disk full, read-only), the failure is an <see cref="OutputWriteException"/>
/// naming the cause, and the inner reports are not completed: like a failing report, a failing state keeps last
/// night's reports in place and ends the run incomplete. Single writer like any sink; does not own (dispose) the inner sink.
/// </summary>
public sealed class StateRecordingSink(
    IScanResultSink inner,
    ScanRun run,
    Func<IReadOnlyList<FlagChange>, CancellationToken, ValueTask>? writeChanges = null) : IScanResultSink
{
    private ExceptionDispatchInfo? failure;

    /// <summary>The changes computed at completion; empty before.</summary>
    public IReadOnlyList<FlagChange> Changes { get; private set; } = [];

    public async ValueTask WriteAsync(ScanResult result, CancellationToken ct)
    {
        failure?.Throw();
        Record(() => run.Record(result));
        await inner.WriteAsync(result, ct).ConfigureAwait(false);
    }

    public async ValueTask CompleteAsync(ScanSummary summary, CancellationToken ct)
    {
        if (failure is not null)
        {
            try
            {
                run.Finish(summary); // the history then says incomplete, with the cause
            }
            catch (Exception ex) when (StateWriteFailure.From(ex, run.Store.FilePath) is not null)
            {
                // Still failing: the first cause, thrown below, is the one the run reports.
            }
            failure.Throw();
        }
        Changes = Record(() => run.Finish(summary));
        if (writeChanges is not null) await writeChanges(Changes, ct).ConfigureAwait(false);
        await inner.CompleteAsync(summary, ct).ConfigureAwait(false);
        // Only a complete run moves the baseline: after an interrupted one, the next report still shows every change.
        if (summary.Complete) Record(run.AcceptChanges);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private void Record(Action write) => Record(() => { write(); return 0; });

    private T Record<T>(Func<T> write)
    {
        try
        {
            return write();
        }
        catch (Exception ex) when (StateWriteFailure.From(ex, run.Store.FilePath) is { } why)
        {
            failure = ExceptionDispatchInfo.Capture(why);
            throw why;
        }
    }
}
