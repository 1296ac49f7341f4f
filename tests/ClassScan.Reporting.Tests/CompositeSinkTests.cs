using ClassScan.Core.Scanning;

namespace ClassScan.Reporting.Tests;

public sealed class CompositeSinkTests
{
    private sealed class Recording(bool failOnComplete = false) : IScanResultSink
    {
        public List<string> Seen { get; } = [];
        public bool Completed { get; private set; }
        public bool Disposed { get; private set; }

        public ValueTask WriteAsync(ScanResult result, CancellationToken ct)
        {
            Seen.Add(result.Item.Path);
            return ValueTask.CompletedTask;
        }

        public ValueTask CompleteAsync(ScanSummary summary, CancellationToken ct)
        {
            Completed = true;
            return failOnComplete ? throw new IOException("disk full") : ValueTask.CompletedTask;
        }

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return ValueTask.CompletedTask;
        }
    }

    [Fact]
    public async Task WriteAsync_EverySinkSeesEveryResultInOrder()
    {
        var a = new Recording();
        var b = new Recording();
        await using (var sink = new CompositeSink([a, b]))
            await Results.RunAsync(sink, [Results.Clean("/1"), Results.Flagged("/2")]);

        Assert.Equal(["/1", "/2"], a.Seen);
        Assert.Equal(["/1", "/2"], b.Seen);
        Assert.True(a.Disposed && b.Disposed);
    }

    [Fact]
    public async Task CompleteAsync_OneSinkFails_OthersStillCompleteAndFailureSurfaces()
    {
        var a = new Recording(failOnComplete: true);
        var b = new Recording();
        await using var sink = new CompositeSink([a, b]);

        await Assert.ThrowsAsync<IOException>(async () => await Results.RunAsync(sink, [Results.Clean("/1")]));
        Assert.True(b.Completed);
    }
}
