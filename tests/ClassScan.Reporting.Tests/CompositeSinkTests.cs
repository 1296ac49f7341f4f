using ClassScan.Core.Scanning;

namespace ClassScan.Reporting.Tests;

public sealed class CompositeSinkTests
{
    private sealed class Recording(bool failOnComplete = false) : IScanResultSink
    {
        public List<string> Seen { get; } = [];
        public bool FailOnWrite { get; init; }
        public bool Completed { get; private set; }
        public bool Disposed { get; private set; }

        public ValueTask WriteAsync(ScanResult result, CancellationToken ct)
        {
            if (FailOnWrite) throw new IOException("No space left on device", 28);
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
    public async Task CompleteAsync_OneSinkFails_NothingCommittedAndFailureSurfaces()
    {
        var dir = Directory.CreateTempSubdirectory("classscan-composite-");
        try
        {
            using var batch = new ReportBatch();
            var a = new Recording(failOnComplete: true);
            var b = new Recording();
            await using (var sink = new CompositeSink([new CsvReportSink(dir.FullName, batch), a, b], batch))
                await Assert.ThrowsAsync<IOException>(async () => await Results.RunAsync(sink, [Results.Clean("/1")]));

            Assert.False(batch.Committed);
            Assert.False(b.Completed); // a full disk would fail it too; none of tonight's files is put in place anyway
            Assert.True(a.Disposed && b.Disposed);
            batch.Dispose();
            Assert.Empty(Directory.EnumerateFileSystemEntries(dir.FullName));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task WriteAsync_SinkFailsMidRun_CompletionRethrowsAndCommitsNothing()
    {
        var dir = Directory.CreateTempSubdirectory("classscan-composite-");
        try
        {
            using var batch = new ReportBatch();
            var failing = new Recording { FailOnWrite = true };
            var after = new Recording();
            await using var sink = new CompositeSink([new CsvReportSink(dir.FullName, batch), failing, after], batch);

            await Assert.ThrowsAsync<IOException>(async () => await sink.WriteAsync(Results.Clean("/1"), default));
            await Assert.ThrowsAsync<IOException>(async () => await sink.CompleteAsync(Results.Summary([], complete: false), default));

            Assert.False(batch.Committed);
            Assert.False(after.Completed);
            Assert.False(File.Exists(Path.Combine(dir.FullName, "results.csv")));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task CompleteAsync_AllSinksComplete_BatchCommitted()
    {
        var dir = Directory.CreateTempSubdirectory("classscan-composite-");
        try
        {
            using var batch = new ReportBatch();
            await using (var sink = new CompositeSink([new CsvReportSink(dir.FullName, batch), new Recording()], batch))
                await Results.RunAsync(sink, [Results.Clean("/1")]);

            Assert.True(batch.Committed);
            Assert.True(File.Exists(Path.Combine(dir.FullName, "results.csv")));
            Assert.DoesNotContain(Directory.EnumerateFiles(dir.FullName), f => f.EndsWith(".tmp", StringComparison.Ordinal));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
