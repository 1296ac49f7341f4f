namespace ClassScan.State.Work;

/// <summary>
/// The scan nodes sharing a state, and their liveness. Thread-safe; one per node process, owned by the
/// composition. Throws the engine's exception when the database cannot be reached; callers of
/// <see cref="HeartbeatAsync"/> retry on the next beat (a lease lasts several beats).
/// </summary>
public interface INodeRegistry
{
    /// <summary>Adds the node, or brings an earlier row of the same id back to life (a restarted --node).</summary>
    Task JoinAsync(NodeInfo node, CancellationToken ct);

    /// <summary>
    /// Records the node as alive with its counters and extends every lease it holds to now + <paramref name="leaseFor"/>.
    /// Returns the ids of the units it still holds: a unit missing from the answer was lost (expired and taken).
    /// </summary>
    Task<IReadOnlySet<string>> HeartbeatAsync(string node, NodeCounters counters, TimeSpan leaseFor, CancellationToken ct);

    /// <summary>A clean stop: the node's leases are released at once (their staged feeds stay) and it is marked stopped.</summary>
    Task LeaveAsync(string node, NodeCounters counters, CancellationToken ct);
}
