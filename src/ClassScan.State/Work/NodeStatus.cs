namespace ClassScan.State.Work;

/// <summary>A node in <c>classscan status</c>: when it last beat, whether it stopped cleanly, and the leases it holds.</summary>
public sealed record NodeStatus(NodeInfo Node, DateTimeOffset LastSeen, bool Stopped, TimeSpan Lease, NodeCounters Counters, IReadOnlyList<LeaseStatus> Leases)
{
    /// <summary>Alive: not stopped and seen within its lease (it beats every third of it).</summary>
    public bool AliveAt(DateTimeOffset now) => !Stopped && LastSeen + Lease > now;
}
