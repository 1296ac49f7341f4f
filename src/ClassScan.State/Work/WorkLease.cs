namespace ClassScan.State.Work;

/// <summary>
/// A node's hold on a unit until <see cref="Expires"/> (extended by heartbeats). <see cref="Epoch"/> grows each
/// time the unit is taken, so a completion carrying an older epoch is refused even if the same node name took
/// the unit again (a restarted process with a fixed --node).
/// </summary>
public sealed record WorkLease(WorkUnit Unit, string Node, long Epoch, DateTimeOffset Expires);
