namespace ClassScan.State.Work;

/// <summary>
/// One unit of scan work that a single node processes at a time: a Graph drive (its scope). Lower
/// <see cref="Priority"/> is taken first; <see cref="Order"/> keeps the resolver's order within a priority.
/// </summary>
/// <param name="Id">Unique and stable between runs (the drive's scope), so registering again is idempotent.</param>
/// <param name="Kind">The state's scope kind (e.g. <see cref="ScanStateStore.GraphDriveScopeKind"/>).</param>
public sealed record WorkUnit(string Id, string Kind, string? Label, string? WebUrl, int Priority, int Order);
