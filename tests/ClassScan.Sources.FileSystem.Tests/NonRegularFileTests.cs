using ClassScan.TestSupport;
using ClassScan.Core.Scanning;
using ClassScan.Sources.FileSystem;

namespace ClassScan.Sources.FileSystem.Tests;

/// <summary>
/// Entries in a scanned folder that are not regular files, and files that change after listing. A named pipe
/// once held a fetcher until the 15-minute fetch timeout; the source must name such an entry without opening it.
/// The whole scan of such a folder is tested with the pipeline (Pipeline.Tests, NonRegularFileScanTests).
/// </summary>
public sealed class NonRegularFileTests : IDisposable
{
    private static readonly TimeSpan Quickly = TimeSpan.FromSeconds(30);

    private readonly SpecialFolder folder = new("classscan-nf-");

    public void Dispose() => folder.Dispose();

    private static async Task<List<SourceItem>> List(IDocumentSource source)
    {
        var items = new List<SourceItem>();
        await foreach (var i in source.EnumerateAsync(CancellationToken.None)) items.Add(i);
        return items;
    }

    [LinuxFact]
    public async Task EnumerateAsync_PipeSocketAndDevice_AreUnsupportedItemsNamingTheKind()
    {
        folder.Fifo("rör");
        folder.UnixSocket("uttag.sock");
        folder.Link("noll.txt", "/dev/null");

        var items = await List(new LocalFolderSource(folder.Root)).WaitAsync(Quickly);

        var expected = new Dictionary<string, string>
        {
            ["rör"] = "inte en vanlig fil (named pipe)",
            ["uttag.sock"] = "inte en vanlig fil (socket)",
            ["noll.txt"] = "inte en vanlig fil (enhet)",
        };
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), items.Select(i => i.Name).Order(StringComparer.Ordinal));
        Assert.All(items, i =>
        {
            Assert.Equal(expected[i.Name], i.EnumerationError);
            Assert.Equal(ScanStatus.Unsupported, i.EnumerationStatus);
        });
    }

    [LinuxFact]
    public async Task EnumerateAsync_RegularFilesEmptyFilesAndLinksToFiles_AreOrdinaryItems()
    {
        folder.Write("brev.txt", "hej");
        folder.Write("tom.txt", "");
        folder.Link("länk.txt", folder.PathOf("brev.txt"));
        folder.Link("länk-till-länk.txt", folder.PathOf("länk.txt"));

        var items = await List(new LocalFolderSource(folder.Root));

        Assert.Equal(4, items.Count);
        Assert.All(items, i => Assert.Null(i.EnumerationError));
        Assert.Equal(3, Assert.Single(items, i => i.Name == "länk-till-länk.txt").Size);
    }

    [LinuxFact]
    public async Task EnumerateAsync_RootIsANamedPipe_IsOneUnsupportedItem()
    {
        var pipe = folder.Fifo("rör");

        var item = Assert.Single(await List(new LocalFolderSource(pipe)).WaitAsync(Quickly));

        Assert.Equal("inte en vanlig fil (named pipe)", item.EnumerationError);
        Assert.Equal(ScanStatus.Unsupported, item.EnumerationStatus);
    }

    [LinuxFact]
    public async Task OpenReadAsync_FileReplacedByPipeAfterListing_ThrowsNotAFileWithoutOpening()
    {
        var path = folder.Write("rapport.txt", "text");
        var source = new LocalFolderSource(folder.Root);
        var item = Assert.Single(await List(source));
        File.Delete(path);
        folder.Fifo("rapport.txt");

        // Opening the pipe would block until a writer came: the exception must come at once.
        var ex = await Assert.ThrowsAsync<NotAFileException>(() => source.OpenReadAsync(item, CancellationToken.None).WaitAsync(Quickly));

        Assert.Equal("inte en vanlig fil (named pipe)", ex.Message);
    }
}
