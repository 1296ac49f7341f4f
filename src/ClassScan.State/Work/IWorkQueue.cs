namespace ClassScan.State.Work;

/// <summary>
/// The units of a scan shared by every node, with leases. Thread-safe; owned by the composition (one per node
/// process) and disposed with the store it talks to. Implementations throw the engine's exception when the
/// database cannot be reached (the scan then stops as incomplete; leases run out and another node goes on).
/// </summary>
public interface IWorkQueue
{
    /// <summary>
    /// Adds this node's units (idempotent: a unit already known keeps its progress and gets the new priority)
    /// and limits <see cref="TakeAsync"/> to them. When every one of them is done (the last round finished), they
    /// all become pending again: a new round, as on the next night.
    /// </summary>
    Task RegisterAsync(IReadOnlyList<WorkUnit> units, CancellationToken ct);

    /// <summary>
    /// Leases up to <paramref name="max"/> pending units that nobody holds, or whose lease expired, lowest
    /// priority number first, for <paramref name="leaseFor"/>. Never waits on another node's lock.
    /// </summary>
    Task<WorkTake> TakeAsync(string node, int max, TimeSpan leaseFor, CancellationToken ct);

    /// <summary>
    /// Marks the unit done if <paramref name="lease"/> is still held (same node and epoch, not expired); runs
    /// <paramref name="commit"/> (the delta link) first, while the unit is locked against takeover. Returns false,
    /// without running <paramref name="commit"/>, when the lease was lost: another node now owns the unit.
    /// </summary>
    Task<bool> CompleteAsync(WorkLease lease, Action? commit, CancellationToken ct);
}
