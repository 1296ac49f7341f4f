using ClassScan.TestSupport.Engines;
using ClassScan.State.Work;

namespace ClassScan.State.Tests.Work;

/// <summary>
/// The rules every work queue keeps, whichever engine: units go to one node at a time in priority order, a lease
/// that runs out passes the unit to another node and fences the old holder's commit, heartbeats keep leases, a
/// finished round starts again. Real time with leases of about a second (PostgreSQL keeps time by its own clock).
/// </summary>
public abstract class WorkQueueContract : IDisposable
{
    protected static readonly TimeSpan Long = TimeSpan.FromMinutes(5);
    protected static readonly TimeSpan Short = TimeSpan.FromMilliseconds(700);

    public virtual void Dispose()
    {
    }

    /// <summary>A node's view of the shared queue (another process, for a shared engine). May skip the test (no server).</summary>
    protected abstract Task<(IWorkQueue Queue, INodeRegistry Nodes)> NodeAsync();

    private static IReadOnlyList<WorkUnit> Units(params (string Id, int Priority)[] units) =>
        units.Select((u, i) => new WorkUnit(u.Id, ScopeRecord.GraphDriveKind, "Bibliotek " + u.Id, "https://contoso.example/sites/" + u.Id, u.Priority, i)).ToList();

    private async Task<(IWorkQueue Queue, INodeRegistry Nodes)> RegisteredAsync(IReadOnlyList<WorkUnit> units)
    {
        var node = await NodeAsync();
        await node.Queue.RegisterAsync(units, CancellationToken.None);
        return node;
    }

    [ContractFact]
    public async Task TakeAsync_Priorities_LowestNumberFirstThenRegistrationOrder()
    {
        var (q, _) = await RegisteredAsync(Units(("d1", 1), ("d2", 0), ("d3", 1), ("d4", 0)));

        var take = await q.TakeAsync("a", 3, Long, CancellationToken.None);

        Assert.Equal(["d2", "d4", "d1"], take.Leases.Select(l => l.Unit.Id));
        Assert.Equal((3, 4), (take.HeldLive, take.Left));
    }

    [ContractFact]
    public async Task TakeAsync_TwoNodes_EachUnitToOneNode()
    {
        var units = Units(("d1", 0), ("d2", 0), ("d3", 0));
        var (a, _) = await RegisteredAsync(units);
        var (b, _) = await RegisteredAsync(units);

        var first = await a.TakeAsync("a", 2, Long, CancellationToken.None);
        var second = await b.TakeAsync("b", 5, Long, CancellationToken.None);
        var third = await b.TakeAsync("b", 5, Long, CancellationToken.None);

        Assert.Equal(["d1", "d2"], first.Leases.Select(l => l.Unit.Id));
        Assert.Equal(["d3"], second.Leases.Select(l => l.Unit.Id));
        Assert.Empty(third.Leases);
        Assert.Equal(3, third.HeldLive); // nothing leasable, but live holders: wait, do not exit
    }

    [ContractFact]
    public async Task TakeAsync_ThreeNodesAtOnce_EveryUnitTakenExactlyOnce()
    {
        var units = Enumerable.Range(0, 60).Select(i => ($"d{i:D2}", i % 3)).ToArray();
        var nodes = new List<IWorkQueue>();
        for (var i = 0; i < 3; i++) nodes.Add((await RegisteredAsync(Units(units))).Queue);

        var taken = await Task.WhenAll(nodes.Select(async (q, i) =>
        {
            var mine = new List<string>();
            for (var take = await q.TakeAsync("n" + i, 2, Long, CancellationToken.None); take.Leases.Count > 0; take = await q.TakeAsync("n" + i, 2, Long, CancellationToken.None))
                mine.AddRange(take.Leases.Select(l => l.Unit.Id));
            return mine;
        }));

        var all = taken.SelectMany(t => t).ToList();
        Assert.Equal(60, all.Count);
        Assert.Equal(60, all.Distinct().Count());
    }

    [ContractFact]
    public async Task CompleteAsync_HeldLease_RunsCommitOnceAndUnitIsDone()
    {
        var (q, _) = await RegisteredAsync(Units(("d1", 0), ("d2", 0)));
        var lease = (await q.TakeAsync("a", 1, Long, CancellationToken.None)).Leases.Single();
        var commits = 0;

        var completed = await q.CompleteAsync(lease, () => commits++, CancellationToken.None);
        var again = await q.CompleteAsync(lease, () => commits++, CancellationToken.None);
        var next = await q.TakeAsync("a", 5, Long, CancellationToken.None);

        Assert.True(completed);
        Assert.False(again);
        Assert.Equal(1, commits);
        Assert.Equal(["d2"], next.Leases.Select(l => l.Unit.Id));
        Assert.Equal(1, next.Left);
    }

    [ContractFact]
    public async Task CompleteAsync_LeaseExpiredAndTakenOver_RefusedWithoutCommit()
    {
        var units = Units(("d1", 0));
        var (a, _) = await RegisteredAsync(units);
        var (b, _) = await RegisteredAsync(units);
        var stale = (await a.TakeAsync("a", 1, Short, CancellationToken.None)).Leases.Single();
        await Task.Delay(Short + TimeSpan.FromMilliseconds(300));
        var commits = new List<string>();

        var takeover = (await b.TakeAsync("b", 1, Long, CancellationToken.None)).Leases.Single();
        var staleCompleted = await a.CompleteAsync(stale, () => commits.Add("a"), CancellationToken.None);
        var ownerCompleted = await b.CompleteAsync(takeover, () => commits.Add("b"), CancellationToken.None);

        Assert.True(takeover.Epoch > stale.Epoch);
        Assert.False(staleCompleted);
        Assert.True(ownerCompleted);
        Assert.Equal(["b"], commits);
    }

    [ContractFact]
    public async Task CompleteAsync_LeaseExpiredNotTakenYet_Refused()
    {
        var (a, _) = await RegisteredAsync(Units(("d1", 0)));
        var lease = (await a.TakeAsync("a", 1, Short, CancellationToken.None)).Leases.Single();
        await Task.Delay(Short + TimeSpan.FromMilliseconds(300));

        Assert.False(await a.CompleteAsync(lease, null, CancellationToken.None));
        Assert.Single((await a.TakeAsync("a", 1, Long, CancellationToken.None)).Leases);
    }

    [ContractFact]
    public async Task HeartbeatAsync_BeforeExpiry_KeepsLeaseAndReportsItHeld()
    {
        var units = Units(("d1", 0), ("d2", 0));
        var (a, registry) = await RegisteredAsync(units);
        var (b, _) = await RegisteredAsync(units);
        // Beats a third of the lease apart (as NodeHeartbeat does), outliving the lease: a loaded machine gets a lease of seconds.
        var lease2 = TimeSpan.FromSeconds(2);
        await registry.JoinAsync(new NodeInfo("a", "host", 1, DateTimeOffset.UtcNow, lease2), CancellationToken.None);
        var lease = (await a.TakeAsync("a", 1, lease2, CancellationToken.None)).Leases.Single();

        IReadOnlySet<string> held = new HashSet<string>();
        for (var i = 0; i < 4; i++)
        {
            await Task.Delay(lease2 / 3);
            held = await registry.HeartbeatAsync("a", new NodeCounters(1, 1, 1, 1, 0, 1), lease2, CancellationToken.None);
        }
        var other = await b.TakeAsync("b", 5, Long, CancellationToken.None);

        Assert.Equal(["d1"], held);
        Assert.Equal(["d2"], other.Leases.Select(l => l.Unit.Id));
        Assert.True(await a.CompleteAsync(lease, null, CancellationToken.None));
    }

    [ContractFact]
    public async Task HeartbeatAsync_AfterExpiry_DoesNotReviveTheLease()
    {
        var (a, registry) = await RegisteredAsync(Units(("d1", 0)));
        await a.TakeAsync("a", 1, Short, CancellationToken.None);
        await Task.Delay(Short + TimeSpan.FromMilliseconds(300));

        var held = await registry.HeartbeatAsync("a", new NodeCounters(0, 0, 0, 0, 0, 0), Long, CancellationToken.None);

        Assert.Empty(held);
    }

    [ContractFact]
    public async Task LeaveAsync_HeldUnits_ReleasedForOthersAtOnce()
    {
        var units = Units(("d1", 0), ("d2", 0));
        var (a, registry) = await RegisteredAsync(units);
        var (b, _) = await RegisteredAsync(units);
        await registry.JoinAsync(new NodeInfo("a", "host", 1, DateTimeOffset.UtcNow, Long), CancellationToken.None);
        var lease = (await a.TakeAsync("a", 2, Long, CancellationToken.None)).Leases[0];

        await registry.LeaveAsync("a", new NodeCounters(0, 0, 0, 0, 0, 0), CancellationToken.None);
        var taken = await b.TakeAsync("b", 5, Long, CancellationToken.None);

        Assert.Equal(["d1", "d2"], taken.Leases.Select(l => l.Unit.Id));
        Assert.False(await a.CompleteAsync(lease, null, CancellationToken.None));
    }

    [ContractFact]
    public async Task RegisterAsync_RoundFinished_UnitsPendingAgain()
    {
        var units = Units(("d1", 0), ("d2", 0));
        var (q, _) = await RegisteredAsync(units);
        foreach (var l in (await q.TakeAsync("a", 5, Long, CancellationToken.None)).Leases) await q.CompleteAsync(l, null, CancellationToken.None);
        var finished = await q.TakeAsync("a", 5, Long, CancellationToken.None);

        await q.RegisterAsync(units, CancellationToken.None);
        var next = await q.TakeAsync("a", 5, Long, CancellationToken.None);

        Assert.Equal((0, 0, 0), (finished.Leases.Count, finished.HeldLive, finished.Left));
        Assert.Equal(["d1", "d2"], next.Leases.Select(l => l.Unit.Id));
    }

    [ContractFact]
    public async Task RegisterAsync_RoundUnderWay_KeepsDoneUnitsDone()
    {
        var units = Units(("d1", 0), ("d2", 0));
        var (a, _) = await RegisteredAsync(units);
        var first = (await a.TakeAsync("a", 1, Long, CancellationToken.None)).Leases.Single();
        await a.CompleteAsync(first, null, CancellationToken.None);

        var (b, _) = await RegisteredAsync(units); // a node joining late registers the same units
        var taken = await b.TakeAsync("b", 5, Long, CancellationToken.None);

        Assert.Equal(["d2"], taken.Leases.Select(l => l.Unit.Id));
    }
}
