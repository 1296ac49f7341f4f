namespace ClassScan.State;

/// <summary>
/// One item of a drive's delta feed, staged in the state until the feed is complete: the last entry
/// for an item id wins. <see cref="PathHint"/> is parentReference.path when the service sends it
/// (delta on OneDrive for Business does not, so paths come from the folder tree).
/// </summary>
public sealed record FeedEntry
{
    public required string ItemId { get; init; }
    public required FeedEntryKind Kind { get; init; }
    public string? ParentId { get; init; }
    public string? Name { get; init; }
    public string? PathHint { get; init; }
    public string? WebUrl { get; init; }
    public string? LastModifiedBy { get; init; }
    public string? PackageType { get; init; }
    public ItemFingerprint Fingerprint { get; init; } = new();

    /// <summary>Order of arrival across the feed; set by the store.</summary>
    public long Seq { get; init; }
}
