using Xunit.Abstractions;
using System.Diagnostics;
using ClassScan.Core.Scanning;
using ClassScan.Sources.Graph.Tests.Fakes;

namespace ClassScan.Sources.Graph.Tests;

public sealed class FaultTests(ITestOutputHelper output) : GraphTestBase
{
    [Fact]
    public async Task Throttled429And503WithRetryAfter_WaitsAsToldAndLosesNothing()
    {
        var drive = Server.AddDrive("d1");
        var files = Enumerable.Range(0, 20).Select(i => drive.AddFile(null, $"f{i:D2}.txt", Text(i, i % 4 == 0))).ToList();
        Server.Fault = r => r switch
        {
            { Kind: FakeRequestKind.Delta, Attempt: 1 } => FakeFault.Throttle(1),
            { Kind: FakeRequestKind.Content, Attempt: 1 } when r.ItemId == files[3].Id => FakeFault.Throttle(1),
            { Kind: FakeRequestKind.Download, Attempt: 1 } when r.ItemId == files[5].Id => FakeFault.Unavailable(1),
            _ => null,
        };
        var clock = Stopwatch.StartNew();

        var run = await ScanHarness.GraphAsync(Server, Work.FullName, Drive("d1"));

        Assert.True(run.Summary.Complete);
        Assert.Equal(20, run.Results.Count);
        Assert.All(run.Results, r => Assert.Equal(ScanStatus.Ok, r.Status));
        Assert.Equal(5, run.Results.Count(r => r.MustLeave));
        var delta = Server.Requests.Where(r => r.Kind == FakeRequestKind.Delta).ToList();
        Assert.Equal([429, 200], delta.Select(r => r.Status));
        Assert.True(delta[1].At - delta[0].At >= TimeSpan.FromMilliseconds(950), $"retried after {(delta[1].At - delta[0].At).TotalMilliseconds} ms");
        var content3 = Server.Requests.Where(r => r.Kind == FakeRequestKind.Content && r.ItemId == files[3].Id).ToList();
        Assert.True(content3[1].At - content3[0].At >= TimeSpan.FromMilliseconds(950));
        Assert.Equal(3, run.Run.Throttled);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task ResetsTruncatedBodiesAnd503_RetriedOrResumedWithRange()
    {
        var drive = Server.AddDrive("d1");
        var big = string.Concat(Enumerable.Repeat("lång rad med text. ", 5000)) + " PNR";
        var files = Enumerable.Range(0, 30).Select(i => drive.AddFile(null, $"f{i:D2}.txt", i < 5 ? big : Text(i, false))).ToList();
        Server.Fault = r => r switch
        {
            { Kind: FakeRequestKind.Delta, Attempt: 1 } => FakeFault.Truncate,                      // cut JSON page
            { Kind: FakeRequestKind.Content, Attempt: <= 2 } when r.ItemId == files[0].Id => FakeFault.Unavailable(),
            { Kind: FakeRequestKind.Download, Attempt: 1 } when r.ItemId == files[1].Id => FakeFault.Reset,
            { Kind: FakeRequestKind.Download, Attempt: 1 } when r.ItemId == files[2].Id => FakeFault.Truncate,
            { Kind: FakeRequestKind.Download, Attempt: <= 3 } when r.ItemId == files[3].Id => FakeFault.Truncate,
            { Kind: FakeRequestKind.Content, Attempt: 1 } when r.ItemId == files[4].Id => FakeFault.Reset,
            _ => null,
        };

        var run = await ScanHarness.GraphAsync(Server, Work.FullName, Drive("d1"));

        Assert.True(run.Summary.Complete);
        Assert.Equal(30, run.Results.Count);
        Assert.All(run.Results, r => Assert.Equal(ScanStatus.Ok, r.Status));
        Assert.Equal(5, run.Results.Count(r => r.MustLeave)); // the PNR at the very end of the cut files was read
        Assert.All(run.Results.Where(r => r.Item.Name is "f02.txt" or "f03.txt"), r => Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(big), r.Bytes));
        // A cut download continues where it stopped (Range) instead of starting over.
        var resumed = Server.Requests.Where(r => r.Kind == FakeRequestKind.Download && r.ItemId == files[2].Id && r.Status == 206).ToList();
        Assert.Single(resumed);
        Assert.True(resumed[0].RangeFrom > 0);
        Assert.Equal(3, Server.Requests.Count(r => r.Kind == FakeRequestKind.Download && r.ItemId == files[3].Id && r.RangeFrom > 0));
    }

    [Fact]
    public async Task ThrottlingStorm_RandomFaultsEverywhere_NothingLost()
    {
        var drive = Server.AddDrive("d1");
        Server.PageSize = 40;
        var files = Enumerable.Range(0, 160).Select(i => drive.AddFile(null, $"f{i:D3}.txt", Text(i, i % 5 == 0) + new string('x', 3000))).ToList();
        var random = new Random(20261128);
        var n = 0;
        Server.Fault = r =>
        {
            lock (random)
            {
                n++;
                if (n is >= 30 and < 36) return FakeFault.Throttle(1);    // a storm: every call throttled for a while
                var p = random.NextDouble();
                return p switch
                {
                    < 0.07 => FakeFault.Unavailable(),
                    < 0.075 => FakeFault.Unavailable(1),
                    < 0.115 => FakeFault.Reset,
                    < 0.185 when r.Kind is FakeRequestKind.Download or FakeRequestKind.Delta => FakeFault.Truncate,
                    _ => null,
                };
            }
        };

        var clock = Stopwatch.StartNew();
        var run = await ScanHarness.GraphAsync(Server, Work.FullName, Drive("d1"));
        output.WriteLine($"storm: {Server.Requests.Count} requests, {Server.Requests.Count(r => r.Status is 429 or 503)} answered 429/503, " +
            $"{Server.Requests.Count(r => r.Status is -1 or -2)} reset or cut; client counted {run.Run.Throttled} throttled, {run.Run.Retries} retries; " +
            $"{run.Results.Count(r => r.Status == ScanStatus.Ok)}/160 ok in {clock.Elapsed.TotalSeconds:0.0} s");

        Assert.True(run.Summary.Complete);
        Assert.Equal(160, run.Results.Count);
        Assert.Equal(files.Select(f => f.Name).Order(), run.Results.Select(r => r.Item.Name).Order());
        Assert.All(run.Results, r => Assert.Equal(ScanStatus.Ok, r.Status));
        Assert.Equal(32, run.Results.Count(r => r.MustLeave));
        Assert.True(run.Run.Throttled >= 6, $"throttled {run.Run.Throttled}");
        Assert.True(run.Run.Retries > 30, $"retries {run.Run.Retries}");

        // Everything was judged, so the delta link was committed: the next run downloads nothing.
        Server.Fault = null;
        Server.ResetLog();
        var second = await ScanHarness.GraphAsync(Server, Work.FullName, Drive("d1"));
        Assert.Equal(0, Server.Count(FakeRequestKind.Content));
        Assert.Equal(32, second.Changes.Count(c => c.Kind == FlagChangeKind.StillFlagged));
    }

    [Fact]
    public async Task RetriesExhausted_FileIsAnErrorRow_RetriedNextRunWithoutAChange()
    {
        var drive = Server.AddDrive("d1");
        var stubborn = drive.AddFile(null, "envis.txt", Text(1, true));
        drive.AddFile(null, "vanlig.txt", Text(2, false));
        Server.Fault = r => r.Kind == FakeRequestKind.Content && r.ItemId == stubborn.Id ? FakeFault.Unavailable() : null;

        var first = await ScanHarness.GraphAsync(Server, Work.FullName, Drive("d1"));

        Assert.True(first.Summary.Complete);
        var failed = Assert.Single(first.Results, r => r.Item.Name == "envis.txt");
        Assert.Equal(ScanStatus.Error, failed.Status);
        Assert.Contains("503", failed.StatusDetail);
        Assert.Contains("envis.txt", File.ReadAllText(Path.Combine(OutDir, "review.csv")));
        Assert.Equal(8, Server.Requests.Count(r => r.Kind == FakeRequestKind.Content && r.ItemId == stubborn.Id)); // MaxAttemptsPerRequest

        Server.Fault = null;
        Server.ResetLog();
        var second = await ScanHarness.GraphAsync(Server, Work.FullName, Drive("d1"));

        Assert.Equal([stubborn.Id], Server.Requests.Where(r => r.Kind == FakeRequestKind.Content).Select(r => r.ItemId));
        Assert.True(Assert.Single(second.Results).MustLeave);
        Assert.Contains(second.Changes, c => c.Kind == FlagChangeKind.NewlyFlagged && c.Path.EndsWith("/envis.txt", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FlaggedFileFailsOnRescan_StaysFlagged()
    {
        var drive = Server.AddDrive("d1");
        var f = drive.AddFile(null, "lista.txt", Text(1, true));
        await ScanHarness.GraphAsync(Server, Work.FullName, Drive("d1"));
        drive.Edit(f.Id, Text(1, true) + " ändrad");
        Server.Fault = r => r.Kind == FakeRequestKind.Download ? FakeFault.Reset : null;

        var second = await ScanHarness.GraphAsync(Server, Work.FullName, Drive("d1"));

        Assert.Equal(ScanStatus.Error, Assert.Single(second.Results).Status);
        var change = Assert.Single(second.Changes);
        Assert.Equal(FlagChangeKind.StillFlagged, change.Kind); // a failed read must not clear a flag
        Assert.Contains("error", change.Detail);
    }
}
