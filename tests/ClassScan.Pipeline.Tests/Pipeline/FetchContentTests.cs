using ClassScan.Core.Documents;
using ClassScan.Core.Scanning;
using ClassScan.Sources.FileSystem;
using ClassScan.TestSupport.Fakes;

namespace ClassScan.Pipeline.Tests.Pipeline;

/// <summary>
/// How often the scanner reads a local file, counted through the source: a small file once, whole (head and
/// content from the same read); a large one only by its head, then by path in the worker. The format is
/// sniffed once per file.
/// </summary>
public sealed class FetchContentTests : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("classscan-fetch-");

    public void Dispose() => root.Delete(recursive: true);

    private async Task<(CountingSource Source, ContentProbe Probe, List<ScanResult> Results)> ScanAsync(ScanOptions options, IDocumentSource? inner = null)
    {
        var source = new CountingSource(inner ?? new LocalFolderSource(root.FullName));
        var probe = new ContentProbe();
        var progress = new ScanProgress();
        var analyzer = new DocumentAnalyzer(probe, [new KeywordDetector()], new ClassScan.Policy.KlassaRuleEngine(), progress);
        var sink = new CollectingSink();
        await new ScanPipeline(source, analyzer, options, TimeProvider.System, progress).RunAsync(sink, CancellationToken.None);
        return (source, probe, sink.Results.ToList());
    }

    private string Write(string name, int size)
    {
        var path = Path.Combine(root.FullName, name);
        File.WriteAllText(path, "PNR " + new string('x', size - 4));
        return path;
    }

    public static TheoryData<int> SmallSizes => new() { 10, 5_000, IExtractorSelector.HeadBytes, IExtractorSelector.HeadBytes + 1, 300_000 };

    [Theory]
    [MemberData(nameof(SmallSizes))]
    public async Task RunAsync_SmallLocalFile_OneOpenOneReadOfItsBytesNoPath(int size)
    {
        var path = Write("liten.txt", size);

        var (source, probe, results) = await ScanAsync(new ScanOptions { Parallelism = 1, FetchParallelism = 1 });

        Assert.Equal((1, (long)size), source.Of(path));
        Assert.Equal(Math.Min(size, IExtractorSelector.HeadBytes), probe.Heads["liten.txt"]);
        Assert.Equal(1, probe.Selections["liten.txt"]);
        Assert.Empty(probe.Paths);
        var r = Assert.Single(results);
        Assert.True(r.MustLeave);
        Assert.Equal(size, r.Bytes);
    }

    [Fact]
    public async Task RunAsync_LargeLocalFile_HeadReadOnceThenPassedByPath()
    {
        var path = Write("stor.txt", 100_000);

        var (source, probe, results) = await ScanAsync(new ScanOptions { Parallelism = 1, FetchParallelism = 1, ReadWholeBytes = 50_000 });

        Assert.Equal((1, (long)IExtractorSelector.HeadBytes), source.Of(path));
        Assert.Equal(IExtractorSelector.HeadBytes, probe.Heads["stor.txt"]);
        Assert.Equal(path, probe.Paths["stor.txt"]);
        Assert.True(Assert.Single(results).MustLeave);
    }

    [Fact]
    public async Task RunAsync_LargeFileWithoutLocalPath_BytesNotPath()
    {
        var source = new InMemorySource([("nedladdad.txt", "PNR " + new string('x', 100_000))]);

        var (counted, probe, results) = await ScanAsync(new ScanOptions { Parallelism = 1, FetchParallelism = 1, ReadWholeBytes = 50_000 }, source);

        Assert.Empty(probe.Paths);
        Assert.Equal(1, counted.Of("nedladdad.txt").Opens);
        Assert.True(Assert.Single(results).MustLeave);
    }

    [Fact]
    public async Task RunAsync_EmptyLocalFile_ReadOnceNoText()
    {
        var path = Path.Combine(root.FullName, "tom.txt");
        await File.WriteAllBytesAsync(path, []);

        var (source, probe, results) = await ScanAsync(new ScanOptions { Parallelism = 1, FetchParallelism = 1 });

        Assert.Equal((1, 0L), source.Of(path));
        Assert.Equal(0, probe.Heads["tom.txt"]);
        Assert.Equal(ScanStatus.NoText, Assert.Single(results).Status);
    }
}
