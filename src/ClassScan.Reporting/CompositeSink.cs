using System.Runtime.ExceptionServices;
using ClassScan.Core.Scanning;

namespace ClassScan.Reporting;

/// <summary>
/// Fans every result out to several sinks in order (CSV, department files, jsonl, HTML). The pipeline has a
/// single sink on purpose; this keeps it that way while the reports stay separate, testable types.
/// The reports share one <see cref="ReportBatch"/>: every sink stages its files, and only when all of them have
/// is the batch committed, so the output folder always shows one whole run. When a sink fails (the disk fills,
/// the folder turns read-only), while writing or completing, nothing is committed: last night's reports stay
/// as they were, and the failure is rethrown so the scan ends incomplete with its cause. Single writer.
/// </summary>
public sealed class CompositeSink : IScanResultSink
{
    private readonly IReadOnlyList<IScanResultSink> sinks;
    private readonly ReportBatch batch;
    private readonly bool ownsBatch;
    private ExceptionDispatchInfo? failure;

    /// <param name="sinks">Owned: disposed with this sink. Completed in the order given.</param>
    /// <param name="batch">The batch the sinks stage their files in, committed here when every sink completed; not
    /// owned (its creator disposes it after this sink, which deletes what was not committed). Null: the sinks
    /// commit their own files and this sink only stops at the first failure.</param>
    public CompositeSink(IReadOnlyList<IScanResultSink> sinks, ReportBatch? batch = null)
    {
        this.sinks = sinks;
        ownsBatch = batch is null;
        this.batch = batch ?? new ReportBatch();
    }

    public async ValueTask WriteAsync(ScanResult result, CancellationToken ct)
    {
        failure?.Throw();
        try
        {
            foreach (var sink in sinks) await sink.WriteAsync(result, ct).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // A sink whose file stopped mid-row cannot be completed into a whole report: remember, so completion commits nothing.
            failure = ExceptionDispatchInfo.Capture(ex);
            throw;
        }
    }

    public async ValueTask CompleteAsync(ScanSummary summary, CancellationToken ct)
    {
        failure?.Throw();
        try
        {
            // Stops at the first failure: on a full disk the next report would fail too, and none will be committed.
            foreach (var sink in sinks) await sink.CompleteAsync(summary, ct).ConfigureAwait(false);
            batch.Commit();
        }
        catch (Exception ex)
        {
            failure = ExceptionDispatchInfo.Capture(ex);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Sinks first: they close their temp files; then the batch deletes what was not committed.
        foreach (var sink in sinks) await sink.DisposeAsync().ConfigureAwait(false);
        if (ownsBatch) batch.Dispose();
    }
}
