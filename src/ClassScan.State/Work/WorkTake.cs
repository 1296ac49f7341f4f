namespace ClassScan.State.Work;

/// <summary>
/// What <see cref="IWorkQueue.TakeAsync"/> handed out, and whether waiting is worth it: <see cref="HeldLive"/>
/// counts this node's units still leased and not done, including those of live other nodes. A node with nothing
/// taken and nothing held live anywhere is finished; otherwise a holder may still die and its unit come free.
/// </summary>
public sealed record WorkTake(IReadOnlyList<WorkLease> Leases, int HeldLive, int Left);
