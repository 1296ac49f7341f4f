using ClassScan.TestSupport;
using ClassScan.Core.Scanning;
using ClassScan.Sources.FileSystem;

namespace ClassScan.Sources.FileSystem.Tests;

public sealed class LocalFolderSourceTests : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("classscan-src-");

    public void Dispose() => root.Delete(recursive: true);

    private string Write(string relative, string content = "x")
    {
        var path = Path.Combine(root.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    private static async Task<List<SourceItem>> List(IDocumentSource source)
    {
        var items = new List<SourceItem>();
        await foreach (var i in source.EnumerateAsync(CancellationToken.None)) items.Add(i);
        return items;
    }

    private List<string> Relative(IEnumerable<SourceItem> items) =>
        items.Select(i => Path.GetRelativePath(root.FullName, i.Path).Replace('\\', '/')).ToList();

    [Fact]
    public async Task EnumerateAsync_NestedFoldersWithSwedishNames_ListsEveryFileInStableOrder()
    {
        Write("b.txt");
        Write("a/Åtgärdsprogram för elev.docx");
        Write("a/djup/mapp/ö.pdf");
        Write("Ärenden/x.csv");

        var items = await List(new LocalFolderSource(root.FullName));

        Assert.Equal(["b.txt", "a/Åtgärdsprogram för elev.docx", "a/djup/mapp/ö.pdf", "Ärenden/x.csv"], Relative(items));
        Assert.All(items, i => Assert.Null(i.EnumerationError));
        Assert.All(items, i => Assert.Equal(1, i.Size));
    }

    [Fact]
    public async Task EnumerateAsync_IncludeAndExcludeGlobs_FilterByRelativePath()
    {
        Write("a.docx");
        Write("sub/b.docx");
        Write("sub/c.pdf");
        Write("Arkiv/d.docx");

        var items = await List(new LocalFolderSource(root.FullName, ["*.docx"], ["Arkiv/**"]));

        Assert.Equal(["a.docx", "sub/b.docx"], Relative(items).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task EnumerateAsync_SymlinkLoop_Terminates()
    {
        Write("a/file.txt");
        Directory.CreateSymbolicLink(Path.Combine(root.FullName, "a", "loop"), root.FullName);
        Directory.CreateSymbolicLink(Path.Combine(root.FullName, "a", "self"), Path.Combine(root.FullName, "a"));

        var items = await List(new LocalFolderSource(root.FullName)).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Single(items, i => i.Path.EndsWith("file.txt", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EnumerateAsync_BrokenFileLink_IsErrorItem()
    {
        File.CreateSymbolicLink(Path.Combine(root.FullName, "dangling.docx"), Path.Combine(root.FullName, "missing.docx"));

        var item = Assert.Single(await List(new LocalFolderSource(root.FullName)));

        Assert.NotNull(item.EnumerationError);
    }

    [UnprivilegedFact]
    public async Task EnumerateAsync_UnreadableFolder_IsErrorItemNotSilence()
    {
        if (OperatingSystem.IsWindows()) return; // unreachable: the attribute skips it there; keeps the platform analyzer informed
        Write("locked/secret.txt");
        var locked = Path.Combine(root.FullName, "locked");
        File.SetUnixFileMode(locked, UnixFileMode.None);
        try
        {
            var items = await List(new LocalFolderSource(root.FullName));
            Assert.Contains(items, i => i.EnumerationError is not null);
        }
        finally
        {
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public async Task EnumerateAsync_MissingRoot_Throws()
    {
        var source = new LocalFolderSource(Path.Combine(root.FullName, "nope"));
        await Assert.ThrowsAsync<DirectoryNotFoundException>(() => List(source));
    }

    [Fact]
    public async Task OpenReadAsync_FileLockedForWritingByAnother_StillReadsReadOnly()
    {
        var path = Write("open.txt", "hej");
        using var writer = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        var source = new LocalFolderSource(root.FullName);
        var item = Assert.Single(await List(source));

        await using var s = await source.OpenReadAsync(item, CancellationToken.None);

        Assert.False(s.CanWrite);
        Assert.Equal("hej", new StreamReader(s).ReadToEnd());
    }
}
