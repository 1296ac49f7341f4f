namespace ClassScan.State;

/// <summary>
/// Where each drive's delta crawl stands. A delta link is committed only once every item of the feed that produced
/// it has a verdict; until then a feed in progress is resumed from the state (<see cref="DeltaCursor"/>).
/// Thread-safe; each call is its own transaction. Throws what the engine throws on a failed read or write.
/// </summary>
public interface IDeltaCursors
{
    /// <summary>The committed delta link and the feed in progress of <paramref name="scope"/>; all empty for a scope never crawled.</summary>
    DeltaCursor GetCursor(string scope);

    /// <summary>Starts a new feed from <paramref name="firstUrl"/>, dropping anything staged before (also what a
    /// failed resume does: the committed delta link stays). <paramref name="full"/>: the feed enumerates the whole
    /// drive (no delta token), so items it lacks are deleted when its last page is saved.</summary>
    void StartFeed(string scope, string firstUrl, bool full);

    /// <summary>Every item of the feed has a verdict: its final delta link becomes the scope's delta link and the
    /// staging is cleared. Does nothing to the link when no complete feed is staged.</summary>
    void CommitDelta(string scope);
}
