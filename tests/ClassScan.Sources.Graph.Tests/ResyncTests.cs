using ClassScan.Core.Scanning;
using ClassScan.Sources.Graph.Tests.Fakes;

namespace ClassScan.Sources.Graph.Tests;

public sealed class ResyncTests : GraphTestBase
{
    [Fact]
    public async Task StaleDeltaLink_410_RestartsFromLocationAndFindsDeletionsByAbsence()
    {
        var drive = Server.AddDrive("d1");
        var files = Enumerable.Range(0, 300).Select(i => drive.AddFile(null, $"f{i:D3}.txt", Text(i, i % 10 == 0))).ToList();
        await ScanHarness.GraphAsync(Server, Work.FullName, Drive("d1"));
        drive.Delete(files[10].Id);               // flagged
        drive.Edit(files[11].Id, Text(11, true)); // gains a flag
        drive.MinValidToken = drive.Token;        // every token handed out before these changes is now too old
        Server.ResetLog();

        var second = await ScanHarness.GraphAsync(Server, Work.FullName, Drive("d1"));

        Assert.True(second.Summary.Complete);
        var delta = Server.Requests.Where(r => r.Kind == FakeRequestKind.Delta).ToList();
        Assert.Equal(410, delta[0].Status);
        // The Location: a fresh enumeration (no token), given the scanner's $select.
        Assert.Equal("/v1.0/drives/d1/root/delta?$select=" + DeltaQuery.Select, Uri.UnescapeDataString(delta[1].PathAndQuery));
        Assert.Equal(1, second.Run.Resyncs);
        Assert.Equal([files[11].Id], Server.Requests.Where(r => r.Kind == FakeRequestKind.Content).Select(r => r.ItemId));
        Assert.Contains(second.Changes, c => c is { Kind: FlagChangeKind.NoLongerFlagged, Why: "deleted" } && c.Path.EndsWith("/f010.txt", StringComparison.Ordinal));
        Assert.Contains(second.Changes, c => c.Kind == FlagChangeKind.NewlyFlagged && c.Path.EndsWith("/f011.txt", StringComparison.Ordinal));

        // The fresh delta link works: the next run asks once and downloads nothing.
        Server.ResetLog();
        await ScanHarness.GraphAsync(Server, Work.FullName, Drive("d1"));
        Assert.Equal(1, Server.Count(FakeRequestKind.Delta));
        Assert.Equal(200, Server.Requests.Single(r => r.Kind == FakeRequestKind.Delta).Status);
        Assert.Equal(0, Server.Count(FakeRequestKind.Content));
    }
}
