namespace ClassScan.State;

/// <summary>
/// The judged items of the state as the change filter sees them, before anything is downloaded or read: a batch
/// lookup per listing page (hundreds of items per round trip on a shared database), batch "unchanged" marks, and
/// the items whose last fetch failed.
/// Thread-safe: implementations may be called from the enumerate stage while the report stage records verdicts.
/// The store owns the records it returns (immutable copies). Each mark is committed before the call returns.
/// Throws what the engine throws on a failed read or write (<see cref="IScanStateStore.AsWriteFailure"/> words it);
/// an unknown item id is not an error (it is simply absent from the answer).
/// </summary>
public interface IItemStates
{
    /// <summary>The remembered rows of <paramref name="itemIds"/> in <paramref name="scope"/>, keyed by item id
    /// (ordinal); ids the state never saw are absent. Deleted rows are included (their <see cref="ItemRecord.Deleted"/> is set).</summary>
    IReadOnlyDictionary<string, ItemRecord> GetItems(string scope, IReadOnlyCollection<string> itemIds);

    /// <summary>
    /// The listings match content already judged: refresh each one's location and fingerprint, keep its verdict
    /// (and its judged count), clear a deletion mark, and drop the staging row of a listing from a feed
    /// (<see cref="TrackedItem.FromFeed"/>), all in one transaction. Listings of unknown items are ignored.
    /// </summary>
    void MarkUnchanged(IReadOnlyList<TrackedItem> listings);

    /// <summary>Live items of <paramref name="scope"/> whose last attempt failed in a way worth retrying (download cut,
    /// throttled out, timeout), in item id order.</summary>
    IReadOnlyList<ItemRecord> GetRetryItems(string scope);
}
