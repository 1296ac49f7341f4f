using System.Runtime.ExceptionServices;
using ClassScan.Core.Scanning;

namespace ClassScan.State;

/// <summary>
/// The stage after judging: wraps the report sink, and commits each verdict of a tracked file to the state
/// (<see cref="IVerdictStore.RecordVerdict"/>, one transaction each) before passing it on, so a killed process does
/// not judge finished files again. A scope whose last file is recorded completes (its delta link is committed).
/// On completion it closes the run in the history and hands the changes since the last complete report (the one
/// "previous run" query, <see cref="IChangeBaseline"/>) to <paramref name="writeChanges"/> (changes.csv) before the
/// inner reports complete (so they can point at it); after a complete run the current flags become the new baseline.
/// When the state cannot be written (disk full, read-only), the failure is an <see cref="OutputWriteException"/>
/// naming the cause, and the inner reports are not completed: like a failing report, a failing state keeps last
/// night's reports in place and ends the run incomplete. Single writer like any sink; does not own (dispose) the inner sink.
/// </summary>
public sealed class VerdictRecorder(
    IScanResultSink inner,
    IVerdictStore verdicts,
    ScanRun run,
    Func<IReadOnlyList<FlagChange>, CancellationToken, ValueTask>? writeChanges = null) : IScanResultSink
{
    private ExceptionDispatchInfo? failure;

    /// <summary>The changes computed at completion; empty before.</summary>
    public IReadOnlyList<FlagChange> Changes { get; private set; } = [];

    public async ValueTask WriteAsync(ScanResult result, CancellationToken ct)
    {
        failure?.Throw();
        Record(() => RecordVerdict(result));
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
            catch (Exception ex) when (run.Store.AsWriteFailure(ex) is not null)
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

    /// <summary>Records a result in the state if it belongs to a tracked item; other rows (listing errors) have no state.</summary>
    private void RecordVerdict(ScanResult result)
    {
        if (run.Find(result.Item.Id) is not { } tracked) return;
        verdicts.RecordVerdict(tracked, result, run.Id);
        run.Judged(result.Item.Id, tracked);
    }

    private void Record(Action write) => Record(() => { write(); return 0; });

    private T Record<T>(Func<T> write)
    {
        try
        {
            return write();
        }
        catch (Exception ex) when (run.Store.AsWriteFailure(ex) is { } why)
        {
            failure = ExceptionDispatchInfo.Capture(why);
            throw why;
        }
    }
}
