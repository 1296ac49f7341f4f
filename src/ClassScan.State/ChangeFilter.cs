using ClassScan.Core.Scanning;

namespace ClassScan.State;

/// <summary>
/// The stage before fetch: of the files a source listed and fingerprinted, hands on only those whose content has
/// no verdict yet, and marks the rest unchanged (not downloaded, not read). One rule for every source
/// (<see cref="IsUnchanged"/>): the strongest fingerprint both sides carry (<see cref="ItemFingerprint.SameContentAs"/>:
/// cTag, quickXorHash, SHA-256, then eTag with size and time; a local file has only size and time), and, when that
/// differs only in time and the source can hash the content (a local folder), the SHA-256 decides.
/// Works a page at a time: one lookup and one "unchanged" transaction per page, not per item.
/// Thread-safe if the store is; a source calls it from its enumerate stage.
/// Throws an <see cref="OutputWriteException"/> when the state cannot be written.
/// </summary>
public sealed class ChangeFilter(IItemStates states, ScanRun run)
{
    /// <summary>The run the handed-on files are tracked in.</summary>
    public IScanTracker Run => run;

    /// <summary>The run's counters (the filter adds unchanged and queued files; the source adds the rest).</summary>
    public RunCounters Counters => run.Counters;

    internal ScanRun Owner => run;

    /// <summary>
    /// Filters one page of listings of one scope, in order, and returns the items to hand to the pipeline, now tracked.
    /// </summary>
    /// <param name="page">Each listed item with its state listing (scope, item id, location, fingerprint).</param>
    /// <param name="contentHash">The SHA-256 of an item's content (<see cref="ContentHash"/> encoding), or null when it
    /// cannot be read; null when the source cannot hash before fetching (Graph: downloading is what it saves).</param>
    public async Task<IReadOnlyList<SourceItem>> FilterAsync(
        IReadOnlyList<(SourceItem Item, TrackedItem Listing)> page,
        Func<SourceItem, CancellationToken, Task<string?>>? contentHash,
        CancellationToken ct)
    {
        if (page.Count == 0) return [];
        var stored = new Dictionary<string, ItemRecord>(StringComparer.Ordinal);
        if (!run.RescanAll)
        {
            // A page normally holds one scope; a mixed page is looked up per scope.
            foreach (var group in page.GroupBy(p => p.Listing.Scope, StringComparer.Ordinal))
            {
                var found = run.Guard(() => states.GetItems(group.Key, group.Select(p => p.Listing.ItemId).ToList()));
                foreach (var (id, record) in found) stored[group.Key + "\n" + id] = record;
            }
        }

        var unchanged = new List<TrackedItem>();
        var handOn = new List<(SourceItem, TrackedItem)>();
        foreach (var (item, listing) in page)
        {
            var record = stored.GetValueOrDefault(listing.Scope + "\n" + listing.ItemId);
            if (await IsUnchangedAsync(item, listing, record, contentHash, ct).ConfigureAwait(false)) unchanged.Add(listing);
            else handOn.Add((item, listing));
        }
        if (unchanged.Count > 0)
        {
            run.Guard(() => states.MarkUnchanged(unchanged));
            foreach (var _ in unchanged) run.Counters.AddUnchanged();
        }
        return handOn.Select(p => run.Track(p.Item1, p.Item2)).ToList();
    }

    /// <summary>Files of <paramref name="scope"/> whose last fetch failed: a source hands them on again (through
    /// <see cref="FilterAsync"/>, which never finds them unchanged) even when its listing does not mention them.</summary>
    public IReadOnlyList<ItemRecord> RetryItems(string scope) => run.Guard(() => states.GetRetryItems(scope));

    /// <summary>
    /// The one rule for "unchanged": the state has a live, settled verdict for the item (judged, not deleted, not
    /// waiting for a retry) and the listing's fingerprint is the same content. <see cref="ScanRun.RescanAll"/> is
    /// applied by the caller (no record).
    /// </summary>
    internal static bool IsUnchanged(ItemFingerprint listed, ItemRecord? stored) =>
        stored is { Deleted: false, Retry: false, Status: not null } && listed.SameContentAs(stored.Fingerprint);

    private static async Task<bool> IsUnchangedAsync(SourceItem item, TrackedItem listing, ItemRecord? stored,
        Func<SourceItem, CancellationToken, Task<string?>>? contentHash, CancellationToken ct)
    {
        if (stored is null) return false;
        if (IsUnchanged(listing.Fingerprint, stored))
        {
            listing.Sha256 ??= stored.Fingerprint.Sha256;
            return true;
        }
        // Same size, new time (touched, restored, copied back): compare content before reading it in the pipeline.
        if (contentHash is null || stored is not { Deleted: false, Retry: false, Status: not null }) return false;
        if (stored.Fingerprint.Sha256 is null || stored.Fingerprint.Size is null || stored.Fingerprint.Size != listing.Fingerprint.Size) return false;
        var hash = await contentHash(item, ct).ConfigureAwait(false);
        if (hash is null || hash != stored.Fingerprint.Sha256) return false;
        listing.Sha256 = hash;
        return true;
    }
}
