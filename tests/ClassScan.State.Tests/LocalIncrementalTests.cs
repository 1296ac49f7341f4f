using ClassScan.Core.Scanning;

namespace ClassScan.State.Tests;

/// <summary>The local folder source on the same state: size + mtime, then SHA-256, decide what is scanned again.</summary>
public sealed class LocalIncrementalTests : IDisposable
{
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("classscan-local-");

    private string Root => Path.Combine(work.FullName, "in");

    public void Dispose() => work.Delete(recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(Root, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Rescan_OnlyChangedFilesRead_TouchedButSameContentSkipped_DeletionsReported()
    {
        var paths = Enumerable.Range(0, 20).Select(i => Write($"sub{i % 3}/f{i:D2}.txt", $"text {i}" + (i % 4 == 0 ? " PNR" : ""))).ToList();

        var first = await LocalScan.RunAsync(Root, work.FullName);
        Assert.Equal(20, first.Results.Count);
        Assert.Equal(5, first.Changes.Count(c => c.Kind == FlagChangeKind.NewlyFlagged));

        var second = await LocalScan.RunAsync(Root, work.FullName);
        Assert.Empty(second.Results);
        Assert.Equal(20, second.Run.Unchanged);

        File.SetLastWriteTimeUtc(paths[1], DateTime.UtcNow.AddHours(1));   // touched, same bytes
        File.WriteAllText(paths[2], "text 2 PNR");                            // changed
        File.Delete(paths[4]);                                                // flagged, deleted
        File.WriteAllText(paths[8], "text 8 ren nu");                         // flagged, cleaned
        var third = await LocalScan.RunAsync(Root, work.FullName);

        Assert.Equal(["f02.txt", "f08.txt"], third.Results.Select(r => r.Item.Name).Order());
        Assert.Equal(17, third.Run.Unchanged);
        Assert.Equal(1, third.Run.Deleted);
        Assert.Contains(third.Changes, c => c is { Kind: FlagChangeKind.NewlyFlagged } && c.Path.EndsWith("f02.txt", StringComparison.Ordinal));
        Assert.Contains(third.Changes, c => c is { Kind: FlagChangeKind.NoLongerFlagged, Why: "deleted" } && c.Path.EndsWith("f04.txt", StringComparison.Ordinal));
        Assert.Contains(third.Changes, c => c is { Kind: FlagChangeKind.NoLongerFlagged, Why: "cleaned" } && c.Path.EndsWith("f08.txt", StringComparison.Ordinal));
        Assert.Equal(3, third.Changes.Count(c => c.Kind == FlagChangeKind.StillFlagged));
    }

    [Fact]
    public async Task MovedFlaggedFile_ReportedAsMovedNotAsDeletedAndNew()
    {
        var from = Write("a/lista.txt", "elever PNR");
        await LocalScan.RunAsync(Root, work.FullName);
        Directory.CreateDirectory(Path.Combine(Root, "b"));
        File.Move(from, Path.Combine(Root, "b", "lista.txt"));

        var run = await LocalScan.RunAsync(Root, work.FullName);

        var gone = Assert.Single(run.Changes, c => c.Kind == FlagChangeKind.NoLongerFlagged);
        Assert.Equal("moved", gone.Why);
        Assert.Contains(Path.Combine("b", "lista.txt"), gone.Detail);
        var arrived = Assert.Single(run.Changes, c => c.Kind == FlagChangeKind.NewlyFlagged);
        Assert.Equal(("moved-in", from), (arrived.Why, arrived.PreviousPath));
    }
}
