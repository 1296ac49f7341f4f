using System.Collections.Concurrent;
using ClassScan.Core.Scanning;

namespace ClassScan.Pipeline.Tests.Fakes;

internal sealed class CollectingSink : IScanResultSink
{
    public ConcurrentQueue<ScanResult> Results { get; } = new();
    public ScanSummary? Summary { get; private set; }
    public Func<ScanResult, ValueTask>? OnWrite { get; init; }

    public async ValueTask WriteAsync(ScanResult result, CancellationToken ct)
    {
        if (OnWrite is not null) await OnWrite(result);
        Results.Enqueue(result);
    }

    public ValueTask CompleteAsync(ScanSummary summary, CancellationToken ct)
    {
        Summary = summary;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
