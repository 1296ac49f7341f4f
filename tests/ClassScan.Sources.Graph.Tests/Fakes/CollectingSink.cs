using ClassScan.Core.Scanning;

namespace ClassScan.Sources.Graph.Tests.Fakes;

/// <summary>Keeps every result in memory and passes it on to the CSV sink.</summary>
internal sealed class CollectingSink(IScanResultSink inner) : IScanResultSink
{
    public List<ScanResult> Results { get; } = [];

    public ValueTask WriteAsync(ScanResult result, CancellationToken ct)
    {
        lock (Results) Results.Add(result);
        return inner.WriteAsync(result, ct);
    }

    public ValueTask CompleteAsync(ScanSummary summary, CancellationToken ct) => inner.CompleteAsync(summary, ct);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
