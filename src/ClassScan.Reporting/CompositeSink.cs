using ClassScan.Core.Scanning;

namespace ClassScan.Reporting;

/// <summary>
/// Fans every result out to several sinks in order (CSV, department files, jsonl, HTML). The pipeline has a
/// single sink on purpose; this keeps it that way while the reports stay separate, testable types.
/// Completion reaches every sink even when one fails, so one broken report never costs the others;
/// the first failure is rethrown afterwards so the scan is still marked as failed. Single writer.
/// </summary>
public sealed class CompositeSink : IScanResultSink
{
    private readonly IReadOnlyList<IScanResultSink> sinks;

    /// <param name="sinks">Owned: disposed with this sink. Completed in the order given.</param>
    public CompositeSink(IReadOnlyList<IScanResultSink> sinks) => this.sinks = sinks;

    public async ValueTask WriteAsync(ScanResult result, CancellationToken ct)
    {
        foreach (var sink in sinks) await sink.WriteAsync(result, ct).ConfigureAwait(false);
    }

    public async ValueTask CompleteAsync(ScanSummary summary, CancellationToken ct)
    {
        List<Exception>? failures = null;
        foreach (var sink in sinks)
        {
            try
            {
                await sink.CompleteAsync(summary, ct).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                (failures ??= []).Add(ex);
            }
        }
        if (failures is { Count: 1 }) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failures[0]);
        if (failures is { Count: > 1 }) throw new AggregateException("flera rapporter kunde inte skrivas", failures);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var sink in sinks) await sink.DisposeAsync().ConfigureAwait(false);
    }
}
