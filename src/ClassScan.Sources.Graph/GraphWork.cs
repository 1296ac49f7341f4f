using ClassScan.State.Work;

namespace ClassScan.Sources.Graph;

/// <summary>
/// How a Graph scan shares its drives with other nodes: the queue and registry (in memory for one node with a
/// SQLite state, PostgreSQL for several), this node's name, the lease (heartbeat every third of it) and the site
/// priority globs (null: <see cref="SitePriorities.Defaults"/>, empty: none, drives in the order resolved).
/// </summary>
public sealed record GraphWork(IWorkQueue Queue, INodeRegistry Nodes, string Node)
{
    public static readonly TimeSpan DefaultLease = TimeSpan.FromMinutes(5);

    public TimeSpan Lease { get; init; } = DefaultLease;

    public IReadOnlyList<string>? Priorities { get; init; }

    /// <summary>The name a node gets without --node: "host:pid", unique on the machine and readable in status.</summary>
    public static string DefaultNodeName => Environment.MachineName + ":" + Environment.ProcessId;

    /// <summary>One node on its own: the in-memory queue (a SQLite state's lock file already keeps a second scan out).</summary>
    public static GraphWork SingleNode(IReadOnlyList<string>? priorities = null)
    {
        var queue = new InMemoryWorkQueue();
        return new GraphWork(queue, queue, DefaultNodeName) { Priorities = priorities };
    }

    /// <summary>How often a node with nothing to take looks again while other nodes hold leases (one may die).</summary>
    internal TimeSpan Poll => TimeSpan.FromTicks(Math.Clamp(Lease.Ticks / 6, TimeSpan.FromMilliseconds(250).Ticks, TimeSpan.FromSeconds(10).Ticks));
}
