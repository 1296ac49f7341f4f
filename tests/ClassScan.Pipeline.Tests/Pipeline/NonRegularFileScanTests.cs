using System.Diagnostics;
using System.Runtime.CompilerServices;
using ClassScan.Core.Scanning;
using ClassScan.Sources.FileSystem;
using ClassScan.TestSupport;
using ClassScan.TestSupport.Fakes;

namespace ClassScan.Pipeline.Tests.Pipeline;

/// <summary>
/// A scan of a folder with entries that are not regular files, and files that change under the scan. A named pipe
/// once held a fetcher until the 15-minute fetch timeout; every such entry must end as one row, quickly,
/// without being opened. The fetch timeout stays at its default on purpose: a test that lowered it would pass
/// by waiting. The source's side is tested in Sources.FileSystem.Tests (NonRegularFileTests).
/// </summary>
public sealed class NonRegularFileScanTests : IDisposable
{
    private static readonly TimeSpan Quickly = TimeSpan.FromSeconds(30);

    private readonly SpecialFolder folder = new("classscan-nf-");

    public void Dispose() => folder.Dispose();

    [LinuxFact]
    public async Task RunAsync_FolderWithPipeSocketDeviceAndChangingFiles_EveryEntryOneRowWithinSeconds()
    {
        for (var i = 0; i < 8; i++) folder.Write($"fil{i}.txt", "vanlig text");
        folder.Fifo("rör");
        folder.UnixSocket("uttag.sock");
        folder.Link("noll.txt", "/dev/null");
        var vanishing = folder.Write("försvinner.txt", "text");
        var growing = folder.Write("växer.txt", "text");
        var source = new ChangingSource(new LocalFolderSource(folder.Root), item =>
        {
            // Between listing and reading: one file is deleted, another grows (a user still saving it).
            if (item.Id == vanishing) File.Delete(vanishing);
            if (item.Id == growing) File.AppendAllText(growing, " och sedan PNR");
        });
        var progress = new ScanProgress();
        var analyzer = new DocumentAnalyzer(new ScriptedExtractor(), [new KeywordDetector()], new ClassScan.Policy.KlassaRuleEngine(), progress);
        var pipeline = new ScanPipeline(source, analyzer, new ScanOptions { Parallelism = 2, FetchParallelism = 2 }, TimeProvider.System, progress);
        var sink = new CollectingSink();
        var clock = Stopwatch.StartNew();

        var summary = await pipeline.RunAsync(sink, CancellationToken.None).WaitAsync(Quickly);

        Assert.True(clock.Elapsed < Quickly, $"took {clock.Elapsed}");
        Assert.True(summary.Complete);
        var rows = sink.Results.ToDictionary(r => Path.GetFileName(r.Item.Path)); // throws on a second row for an entry
        Assert.Equal(13, rows.Count);
        Assert.All(Enumerable.Range(0, 8), i => Assert.Equal(ScanStatus.Ok, rows[$"fil{i}.txt"].Status));
        foreach (var (name, kind) in new[] { ("rör", "named pipe"), ("uttag.sock", "socket"), ("noll.txt", "enhet") })
        {
            Assert.Equal(ScanStatus.Unsupported, rows[name].Status);
            Assert.Equal($"inte en vanlig fil ({kind})", rows[name].StatusDetail);
        }
        Assert.Equal(ScanStatus.Error, rows["försvinner.txt"].Status);
        Assert.Equal("filen försvann innan den lästes", rows["försvinner.txt"].StatusDetail);
        // The grown file is read whole and judged on what it holds now, not cut at the listed size.
        Assert.Equal(ScanStatus.Ok, rows["växer.txt"].Status);
        Assert.True(rows["växer.txt"].MustLeave);
    }

    /// <summary>Passes the inner source's items through, running a change on each one after it was listed.</summary>
    private sealed class ChangingSource(IDocumentSource inner, Action<SourceItem> afterListing) : IDocumentSource
    {
        public async IAsyncEnumerable<SourceItem> EnumerateAsync([EnumeratorCancellation] CancellationToken ct)
        {
            await foreach (var item in inner.EnumerateAsync(ct))
            {
                afterListing(item);
                yield return item;
            }
        }

        public Task<Stream> OpenReadAsync(SourceItem item, CancellationToken ct) => inner.OpenReadAsync(item, ct);
    }
}
