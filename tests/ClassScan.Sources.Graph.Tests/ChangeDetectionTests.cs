using ClassScan.Core.Scanning;
using ClassScan.Sources.Graph.Tests.Fakes;

namespace ClassScan.Sources.Graph.Tests;

public sealed class ChangeDetectionTests : GraphTestBase
{
    // cTag present: renames and re-saves without content change are free. OneDrive for Business delta omits
    // cTag: quickXorHash decides. With neither, eTag+size+time is all there is, so metadata edits cost a download.
    [Theory]
    [InlineData(false, false, 1)]
    [InlineData(true, false, 1)]
    [InlineData(true, true, 3)]
    public async Task DeltaRun_RenameTouchAndEdit_DownloadsPerStrongestSignal(bool omitCTag, bool omitHashes, int expectedDownloads)
    {
        var drive = Server.AddDrive("d1");
        drive.OmitCTag = omitCTag;
        drive.OmitHashes = omitHashes;
        var files = Enumerable.Range(0, 10).Select(i => drive.AddFile(null, $"f{i}.txt", Text(i, i == 1))).ToList();
        await ScanHarness.GraphAsync(Server, Work.FullName, Drive("d1"));
        drive.Rename(files[1].Id, "nytt namn.txt");
        drive.Touch(files[2].Id);
        drive.Edit(files[3].Id, Text(3, true));
        Server.ResetLog();

        var second = await ScanHarness.GraphAsync(Server, Work.FullName, Drive("d1"));

        Assert.Equal(expectedDownloads, Server.Count(FakeRequestKind.Content));
        Assert.Contains(second.Changes, c => c.Kind == FlagChangeKind.NewlyFlagged && c.Path.EndsWith("/f3.txt", StringComparison.Ordinal));
        Assert.Contains(second.Changes, c => c.Kind == FlagChangeKind.StillFlagged && c.Path.EndsWith("/nytt namn.txt", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FullListing_ChildrenBeforeFolders_PathsStillResolved()
    {
        var drive = Server.AddDrive("d1");
        drive.ChildrenFirst = true;
        var a = drive.AddFolder(null, "A");
        var b = drive.AddFolder(a.Id, "B");
        drive.AddFile(b.Id, "x.txt", Text(1, true));

        var run = await ScanHarness.GraphAsync(Server, Work.FullName, Drive("d1"));

        Assert.Equal("Dokument/A/B/x.txt", Assert.Single(run.Results).Item.Path);
    }

    [Fact]
    public async Task OneNoteNotebook_ReportedOnceForReview_SectionsNotDownloaded()
    {
        var drive = Server.AddDrive("d1");
        var book = drive.AddNotebook(null, "Elevanteckningar");
        drive.AddFile(book.Id, "Avsnitt 1.one", "binary");
        drive.AddFile(book.Id, "Open Notebook.onetoc2", "binary");
        drive.AddFile(null, "vanlig.txt", Text(1, false));

        var first = await ScanHarness.GraphAsync(Server, Work.FullName, Drive("d1"));

        Assert.Equal(2, first.Results.Count);
        var notebook = Assert.Single(first.Results, r => r.Status == ScanStatus.Error);
        Assert.Equal("Dokument/Elevanteckningar", notebook.Item.Path);
        Assert.Contains("OneNote", notebook.StatusDetail);
        Assert.Equal(1, Server.Count(FakeRequestKind.Content));
        Assert.Contains("OneNote", File.ReadAllText(Path.Combine(OutDir, "review.csv")));

        Server.ResetLog();
        var second = await ScanHarness.GraphAsync(Server, Work.FullName, Drive("d1"));
        Assert.Empty(second.Results); // not reported again while unchanged
    }

    [Fact]
    public async Task ItemDeletedBetweenListingAndDownload_RecordedAsDeletedNotRetried()
    {
        var drive = Server.AddDrive("d1");
        var gone = drive.AddFile(null, "borta.txt", Text(1, true));
        drive.AddFile(null, "kvar.txt", Text(2, false));
        Server.Fault = r => r.Kind == FakeRequestKind.Content && r.ItemId == gone.Id ? new FakeFault(FakeFaultKind.Status, 404) : null;

        var first = await ScanHarness.GraphAsync(Server, Work.FullName, Drive("d1"));

        Assert.Equal(ScanStatus.Error, Assert.Single(first.Results, r => r.Item.Name == "borta.txt").Status);
        Assert.Equal(1, first.Run.Deleted);
        Server.ResetLog();
        var second = await ScanHarness.GraphAsync(Server, Work.FullName, Drive("d1"));
        Assert.Equal(0, Server.Count(FakeRequestKind.Content));
        Assert.Empty(second.Results);
    }

    [Fact]
    public async Task WrongToken_ScanStopsIncompleteWithTheReason()
    {
        Server.AddDrive("d1").AddFile(null, "a.txt", "x");
        Server.Fault = r => r.Kind == FakeRequestKind.Delta ? new FakeFault(FakeFaultKind.Status, 401) : null;

        var run = await ScanHarness.GraphAsync(Server, Work.FullName, Drive("d1"));

        Assert.False(run.Summary.Complete);
        Assert.Contains("401", run.Summary.IncompleteReason);
    }

    [Fact]
    public async Task UnknownDrive_BecomesErrorRow_OtherDrivesScanned()
    {
        Server.AddDrive("d1").AddFile(null, "a.txt", Text(1, true));

        var run = await ScanHarness.GraphAsync(Server, Work.FullName, new GraphScanTargets { Drives = ["nope", "d1"] });

        Assert.True(run.Summary.Complete);
        Assert.Equal(2, run.Results.Count);
        Assert.Contains("404", Assert.Single(run.Results, r => r.Status == ScanStatus.Error).StatusDetail);
        Assert.Single(run.Results, r => r.MustLeave);
    }
}
