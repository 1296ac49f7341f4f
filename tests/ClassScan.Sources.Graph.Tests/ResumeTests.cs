using ClassScan.Core.Scanning;
using ClassScan.Sources.Graph.Tests.Fakes;
using ClassScan.State;
using ClassScan.State.Sqlite;

namespace ClassScan.Sources.Graph.Tests;

/// <summary>
/// A hard stop (the second Ctrl+C: files in flight are abandoned, nothing more is written) leaves the state as a
/// killed process would: every verdict committed so far, the feed staged, no new delta link. The next run must
/// finish the job without judging a finished file again.
/// </summary>
public sealed class ResumeTests : GraphTestBase
{
    [Fact]
    public async Task HardStopDuringDownloads_NextRunDownloadsOnlyUnjudgedFilesAndUsesTheStagedFeed()
    {
        var drive = Server.AddDrive("d1");
        var files = Enumerable.Range(0, 600).Select(i => drive.AddFile(null, $"f{i:D3}.txt", Text(i, i % 6 == 0))).ToList();
        Server.DownloadDelay = TimeSpan.FromMilliseconds(2);
        using var abort = new CancellationTokenSource();
        var downloads = 0;
        Server.Fault = r =>
        {
            if (r.Kind == FakeRequestKind.Download && Interlocked.Increment(ref downloads) == 250) abort.Cancel();
            return null;
        };

        var first = await ScanHarness.GraphAsync(Server, Work.FullName, Drive("d1"), abort: abort.Token);

        Assert.False(first.Summary.Complete);
        int judged;
        using (var store = SqliteStateStore.Open(Path.Combine(OutDir, "classscan-state.db")))
        {
            judged = files.Count(f => store.GetItem("d1", f.Id) is { Status: "ok" });
            Assert.Null(store.GetCursor("d1").DeltaLink); // not committed: items of the feed are still unjudged
            Assert.NotNull(store.GetCursor("d1").FeedFinal);
        }
        Assert.InRange(judged, 200, 250);

        Server.Fault = null;
        Server.ResetLog();
        var second = await ScanHarness.GraphAsync(Server, Work.FullName, Drive("d1"));

        Assert.True(second.Summary.Complete);
        Assert.Equal(0, Server.Count(FakeRequestKind.Delta)); // the staged feed was complete: no need to ask again
        Assert.Equal(600 - judged, Server.Count(FakeRequestKind.Content));
        Assert.Equal(600 - judged, second.Results.Count);
        Assert.Equal(files.Count(f => f.Name is var n && int.Parse(n[1..4]) % 6 == 0), second.Changes.Count(c => c.Kind == FlagChangeKind.NewlyFlagged));

        Server.ResetLog();
        await ScanHarness.GraphAsync(Server, Work.FullName, Drive("d1"));
        Assert.Equal(1, Server.Count(FakeRequestKind.Delta));
        Assert.Equal(0, Server.Count(FakeRequestKind.Content));
    }

    [Fact]
    public async Task HardStopDuringTheFeed_NextRunResumesAtThePageReached()
    {
        var drive = Server.AddDrive("d1");
        Server.PageSize = 50;
        foreach (var i in Enumerable.Range(0, 400)) drive.AddFile(null, $"f{i:D3}.txt", Text(i, false));
        using var abort = new CancellationTokenSource();
        Server.Fault = r =>
        {
            if (r.Kind == FakeRequestKind.Delta && r.PathAndQuery.Contains("skip=200", StringComparison.Ordinal))
            {
                abort.Cancel();
                return FakeFault.Reset;
            }
            return null;
        };

        var first = await ScanHarness.GraphAsync(Server, Work.FullName, Drive("d1"), abort: abort.Token);

        Assert.False(first.Summary.Complete);
        Assert.Empty(first.Results);
        Server.Fault = null;
        Server.ResetLog();
        var second = await ScanHarness.GraphAsync(Server, Work.FullName, Drive("d1"));

        var pages = Server.Requests.Where(r => r.Kind == FakeRequestKind.Delta).Select(r => r.PathAndQuery).ToList();
        Assert.Contains("skip=200", pages[0]); // pages 1-4 were staged and committed; not fetched again
        Assert.Equal(5, pages.Count); // 401 entries in pages of 50: skip=200..400
        Assert.Equal(400, second.Results.Count);
    }

    [Fact]
    public async Task StateInUse_SecondOpenRefused()
    {
        var path = Path.Combine(Work.FullName, "s.db");
        using var store = SqliteStateStore.Open(path);
        Assert.Throws<StateInUseException>(() => SqliteStateStore.Open(path));
    }
}
