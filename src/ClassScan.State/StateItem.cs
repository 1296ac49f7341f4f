namespace ClassScan.State;

/// <summary>
/// What identifies an item in the state and where it is: shared by the remembered row (<see cref="ItemRecord"/>)
/// and the item waiting for its verdict in this run (<see cref="TrackedItem"/>).
/// </summary>
public abstract record StateItem
{
    public required string Scope { get; init; }
    public required string ItemId { get; init; }
    public string? ParentId { get; init; }
    public string? Name { get; init; }

    /// <summary>Path within the scope (relative to the drive root for Graph, full path for local files).</summary>
    public string? Path { get; init; }
    public string? WebUrl { get; init; }
    public string? LastModifiedBy { get; init; }
    public required ItemFingerprint Fingerprint { get; init; }
}
