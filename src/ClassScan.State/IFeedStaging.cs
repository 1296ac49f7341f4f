namespace ClassScan.State;

/// <summary>
/// A drive's delta feed staged in the state until it is applied: pages are saved with their resume link in one
/// transaction, the last entry for an item id wins, and entries are read back in arrival order (paging by
/// <see cref="FeedEntry.Seq"/>), so a node never holds a drive's feed in memory.
/// Thread-safe; each call is its own transaction. Throws what the engine throws on a failed read or write.
/// </summary>
public interface IFeedStaging
{
    /// <summary>
    /// Stages one page and moves the resume point to <paramref name="nextLink"/>. On the last page
    /// (<paramref name="deltaLink"/> set) the feed is complete; a full feed then also marks every remembered item and
    /// folder it did not contain as deleted (a fresh enumeration reports no deletions of its own).
    /// </summary>
    void SaveFeedPage(string scope, IReadOnlyList<FeedEntry> entries, string? nextLink, string? deltaLink);

    /// <summary>Up to <paramref name="limit"/> staged entries of the given kinds with <see cref="FeedEntry.Seq"/> greater
    /// than <paramref name="afterSeq"/>, in feed order.</summary>
    IReadOnlyList<FeedEntry> ReadFeed(string scope, IReadOnlyCollection<FeedEntryKind> kinds, long afterSeq, int limit);

    /// <summary>Drops a staged entry that needs nothing more (skipped, or applied elsewhere); no error if it is not staged.</summary>
    void RemoveFeedEntry(string scope, string itemId);
}
