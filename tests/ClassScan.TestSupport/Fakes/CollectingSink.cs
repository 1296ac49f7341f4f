using System.Collections.Concurrent;
using ClassScan.Core.Scanning;

namespace ClassScan.TestSupport.Fakes;

/// <summary>
/// Keeps every result and the summary in memory; with an <paramref name="inner"/> sink it also passes both on (so a
/// test sees the results and the real reports are still written). Thread-safe for concurrent writes.
/// </summary>
public sealed class CollectingSink(IScanResultSink? inner = null) : IScanResultSink
{
    public ConcurrentQueue<ScanResult> Results { get; } = new();
    public ScanSummary? Summary { get; private set; }
    public Func<ScanResult, ValueTask>? OnWrite { get; init; }

    public async ValueTask WriteAsync(ScanResult result, CancellationToken ct)
    {
        if (OnWrite is not null) await OnWrite(result);
        Results.Enqueue(result);
        if (inner is not null) await inner.WriteAsync(result, ct);
    }

    public ValueTask CompleteAsync(ScanSummary summary, CancellationToken ct)
    {
        Summary = summary;
        return inner?.CompleteAsync(summary, ct) ?? ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
