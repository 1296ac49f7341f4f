namespace ClassScan.State.Work;

/// <summary>
/// Work units and nodes of a single-node scan (SQLite state): the same rules as the shared queue, in memory,
/// so one code path serves one node and many. Units are handed out by priority, then in the order registered.
/// Thread-safe (one lock; the calls are rare: per drive and per heartbeat).
/// </summary>
public sealed class InMemoryWorkQueue(TimeProvider? time = null) : IWorkQueue, INodeRegistry
{
    private readonly TimeProvider clock = time ?? TimeProvider.System;
    private readonly Lock gate = new();
    private readonly Dictionary<string, Entry> units = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (NodeInfo Info, DateTimeOffset Seen, NodeCounters Counters, bool Stopped)> nodes = new(StringComparer.Ordinal);
    private HashSet<string> mine = new(StringComparer.Ordinal);

    public Task RegisterAsync(IReadOnlyList<WorkUnit> list, CancellationToken ct)
    {
        lock (gate)
        {
            foreach (var u in list)
            {
                if (units.TryGetValue(u.Id, out var e)) e.Unit = u;
                else units[u.Id] = new Entry(u);
            }
            mine = list.Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
            var own = units.Values.Where(e => mine.Contains(e.Unit.Id)).ToList();
            if (own.Count > 0 && own.All(e => e.Done))
            {
                foreach (var e in own) e.Done = false; // a new round
            }
        }
        return Task.CompletedTask;
    }

    public Task<WorkTake> TakeAsync(string node, int max, TimeSpan leaseFor, CancellationToken ct)
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            var own = units.Values.Where(e => mine.Contains(e.Unit.Id) && !e.Done).ToList();
            var taken = new List<WorkLease>();
            foreach (var e in own.Where(e => e.Holder is null || e.Expires <= now).OrderBy(e => e.Unit.Priority).ThenBy(e => e.Unit.Order).Take(Math.Max(0, max)))
            {
                e.Holder = node;
                e.Epoch++;
                e.Expires = now + leaseFor;
                taken.Add(new WorkLease(e.Unit, node, e.Epoch, e.Expires));
            }
            var held = own.Count(e => e.Holder is not null && e.Expires > now);
            return Task.FromResult(new WorkTake(taken, held, own.Count));
        }
    }

    public Task<bool> CompleteAsync(WorkLease lease, Action? commit, CancellationToken ct)
    {
        lock (gate)
        {
            if (!units.TryGetValue(lease.Unit.Id, out var e) || e.Done || e.Holder != lease.Node || e.Epoch != lease.Epoch || e.Expires <= clock.GetUtcNow())
                return Task.FromResult(false);
            commit?.Invoke();
            e.Done = true;
            e.Holder = null;
            return Task.FromResult(true);
        }
    }

    public Task JoinAsync(NodeInfo node, CancellationToken ct)
    {
        lock (gate) nodes[node.Id] = (node, clock.GetUtcNow(), new NodeCounters(0, 0, 0, 0, 0, 0), false);
        return Task.CompletedTask;
    }

    public Task<IReadOnlySet<string>> HeartbeatAsync(string node, NodeCounters counters, TimeSpan leaseFor, CancellationToken ct)
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            if (nodes.TryGetValue(node, out var n)) nodes[node] = n with { Seen = now, Counters = counters };
            var held = new HashSet<string>(StringComparer.Ordinal);
            foreach (var e in units.Values.Where(e => !e.Done && e.Holder == node && e.Expires > now))
            {
                e.Expires = now + leaseFor;
                held.Add(e.Unit.Id);
            }
            return Task.FromResult<IReadOnlySet<string>>(held);
        }
    }

    public Task LeaveAsync(string node, NodeCounters counters, CancellationToken ct)
    {
        lock (gate)
        {
            if (nodes.TryGetValue(node, out var n)) nodes[node] = n with { Seen = clock.GetUtcNow(), Counters = counters, Stopped = true };
            foreach (var e in units.Values.Where(e => e.Holder == node)) e.Holder = null;
        }
        return Task.CompletedTask;
    }

    private sealed class Entry(WorkUnit unit)
    {
        public WorkUnit Unit { get; set; } = unit;
        public string? Holder { get; set; }
        public long Epoch { get; set; }
        public DateTimeOffset Expires { get; set; }
        public bool Done { get; set; }
    }
}
