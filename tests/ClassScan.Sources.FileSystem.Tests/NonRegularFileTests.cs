using ClassScan.TestSupport;
using System.Net.Sockets;
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

    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("classscan-nf-");
    private readonly List<Socket> sockets = [];

    public void Dispose()
    {
        foreach (var s in sockets) s.Dispose();
        root.Delete(recursive: true);
    }

    private string PathOf(string name) => Path.Combine(root.FullName, name);

    private string Write(string name, string content)
    {
        File.WriteAllText(PathOf(name), content);
        return PathOf(name);
    }

    private string Fifo(string name) => SpecialFiles.Fifo(PathOf(name));

    private string UnixSocket(string name)
    {
        sockets.Add(SpecialFiles.UnixSocket(PathOf(name)));
        return PathOf(name);
    }

    private string Link(string name, string target)
    {
        File.CreateSymbolicLink(PathOf(name), target);
        return PathOf(name);
    }

    private static async Task<List<SourceItem>> List(IDocumentSource source)
    {
        var items = new List<SourceItem>();
        await foreach (var i in source.EnumerateAsync(CancellationToken.None)) items.Add(i);
        return items;
    }

    [LinuxFact]
    public async Task EnumerateAsync_PipeSocketAndDevice_AreUnsupportedItemsNamingTheKind()
    {
        Fifo("rör");
        UnixSocket("uttag.sock");
        Link("noll.txt", "/dev/null");

        var items = await List(new LocalFolderSource(root.FullName)).WaitAsync(Quickly);

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
        Write("brev.txt", "hej");
        Write("tom.txt", "");
        Link("länk.txt", PathOf("brev.txt"));
        Link("länk-till-länk.txt", PathOf("länk.txt"));

        var items = await List(new LocalFolderSource(root.FullName));

        Assert.Equal(4, items.Count);
        Assert.All(items, i => Assert.Null(i.EnumerationError));
        Assert.Equal(3, Assert.Single(items, i => i.Name == "länk-till-länk.txt").Size);
    }

    [LinuxFact]
    public async Task EnumerateAsync_RootIsANamedPipe_IsOneUnsupportedItem()
    {
        var pipe = Fifo("rör");

        var item = Assert.Single(await List(new LocalFolderSource(pipe)).WaitAsync(Quickly));

        Assert.Equal("inte en vanlig fil (named pipe)", item.EnumerationError);
        Assert.Equal(ScanStatus.Unsupported, item.EnumerationStatus);
    }

    [LinuxFact]
    public async Task OpenReadAsync_FileReplacedByPipeAfterListing_ThrowsNotAFileWithoutOpening()
    {
        var path = Write("rapport.txt", "text");
        var source = new LocalFolderSource(root.FullName);
        var item = Assert.Single(await List(source));
        File.Delete(path);
        Fifo("rapport.txt");

        // Opening the pipe would block until a writer came: the exception must come at once.
        var ex = await Assert.ThrowsAsync<NotAFileException>(() => source.OpenReadAsync(item, CancellationToken.None).WaitAsync(Quickly));

        Assert.Equal("inte en vanlig fil (named pipe)", ex.Message);
    }
}
