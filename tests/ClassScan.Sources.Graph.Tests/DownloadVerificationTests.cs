using ClassScan.Core.Scanning;
using ClassScan.Sources.Graph.Tests.Fakes;

namespace ClassScan.Sources.Graph.Tests;

public sealed class DownloadVerificationTests : GraphTestBase
{
    private const string Mismatch = "innehållet stämmer inte med Graphs quickXorHash efter omförsök";

    [Fact]
    public async Task Download_CorruptedOnce_DownloadedAfreshAndJudged()
    {
        var drive = Server.AddDrive("d1");
        var big = string.Concat(Enumerable.Repeat("lång rad med text. ", 4000)) + " Elevlista med PNR.";
        var files = Enumerable.Range(0, 6).Select(i => drive.AddFile(null, $"f{i}.txt", i == 0 ? big : Text(i, false))).ToList();
        Server.Fault = r => r is { Kind: FakeRequestKind.Download, Attempt: 1 } && r.ItemId == files[0].Id ? FakeFault.Corrupt : null;

        var run = await ScanHarness.GraphAsync(Server, Work.FullName, Drive("d1"));

        Assert.All(run.Results, r => Assert.Equal(ScanStatus.Ok, r.Status));
        Assert.True(Assert.Single(run.Results, r => r.Item.Name == "f0.txt").MustLeave);
        var downloads = Server.Requests.Where(r => r.Kind == FakeRequestKind.Download && r.ItemId == files[0].Id).ToList();
        Assert.Equal(2, downloads.Count);
        Assert.All(downloads, d => Assert.Null(d.RangeFrom)); // a fresh download, not a resumed one
        Assert.Equal(1, Server.Count(FakeRequestKind.Item)); // Graph asked once whether the file had changed
        Assert.Equal(5, Server.Requests.Count(r => r.Kind == FakeRequestKind.Download && r.ItemId != files[0].Id)); // the others once each
    }

    [Fact]
    public async Task Download_CorruptedEveryTime_ErrorRowNeverCleanRetriedNextRun()
    {
        var drive = Server.AddDrive("d1");
        var bad = drive.AddFile(null, "skadad.txt", Text(1, false));
        drive.AddFile(null, "hel.txt", Text(2, false));
        Server.Fault = r => r.Kind == FakeRequestKind.Download && r.ItemId == bad.Id ? FakeFault.Corrupt : null;

        var first = await ScanHarness.GraphAsync(Server, Work.FullName, Drive("d1"));

        var row = Assert.Single(first.Results, r => r.Item.Name == "skadad.txt");
        Assert.Equal(ScanStatus.Error, row.Status);
        Assert.Contains(Mismatch, row.StatusDetail);
        Assert.Equal(ScanStatus.Ok, Assert.Single(first.Results, r => r.Item.Name == "hel.txt").Status);
        Assert.Equal(2, Server.Requests.Count(r => r.Kind == FakeRequestKind.Download && r.ItemId == bad.Id));
        Assert.Contains("skadad.txt", File.ReadAllText(Path.Combine(OutDir, "review.csv")));

        Server.Fault = null;
        Server.ResetLog();
        var second = await ScanHarness.GraphAsync(Server, Work.FullName, Drive("d1"));

        Assert.Equal([bad.Id], Server.Requests.Where(r => r.Kind == FakeRequestKind.Content).Select(r => r.ItemId));
        Assert.Equal(ScanStatus.Ok, Assert.Single(second.Results).Status);
    }

    [Fact]
    public async Task Download_EditedAfterListing_BytesMatchGraphsNewHashAndAreJudged()
    {
        var drive = Server.AddDrive("d1");
        var file = drive.AddFile(null, "lista.txt", Text(1, false));
        // Between listing and download someone saves new content: the listed hash is stale, Graph's current one is not.
        Server.Fault = r =>
        {
            if (r is { Kind: FakeRequestKind.Content, Attempt: 1 }) drive.EditQuietly(file.Id, Text(1, true));
            return null;
        };

        var run = await ScanHarness.GraphAsync(Server, Work.FullName, Drive("d1"));

        var row = Assert.Single(run.Results);
        Assert.Equal(ScanStatus.Ok, row.Status);
        Assert.True(row.MustLeave);
        Assert.Equal(1, Server.Count(FakeRequestKind.Download));
        Assert.Equal(1, Server.Count(FakeRequestKind.Item));
    }

    [Fact]
    public async Task Download_NoHashListed_NotVerifiedAndNoExtraRequest()
    {
        var drive = Server.AddDrive("d1");
        drive.OmitHashes = true;
        drive.AddFile(null, "a.txt", Text(1, false));
        Server.Fault = r => r.Kind == FakeRequestKind.Download ? FakeFault.Corrupt : null;

        var run = await ScanHarness.GraphAsync(Server, Work.FullName, Drive("d1"));

        // Nothing to check the bytes against: read as they came, once, as before.
        Assert.Equal(ScanStatus.Ok, Assert.Single(run.Results).Status);
        Assert.Equal(1, Server.Count(FakeRequestKind.Download));
        Assert.Equal(0, Server.Count(FakeRequestKind.Item));
    }
}
