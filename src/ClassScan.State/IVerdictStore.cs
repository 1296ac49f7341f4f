using ClassScan.Core.Scanning;

namespace ClassScan.State;

/// <summary>
/// Where the verdict recorder writes after judging: one verdict per transaction (a killed node loses at most the
/// verdict it was writing), and the items a complete listing no longer contains.
/// Thread-safe. Throws what the engine throws on a failed write (<see cref="IScanStateStore.AsWriteFailure"/> words
/// it); the failed transaction is rolled back, so every verdict committed before it stays.
/// </summary>
public interface IVerdictStore
{
    /// <summary>
    /// Records a verdict for a tracked item (upsert; its judged count goes up by one) and drops its staging row in
    /// one transaction. A successful verdict sets the must-leave flag; a failed one keeps the earlier flag, so a
    /// flagged file stays on the list until it is judged again or deleted (a throttling storm must not clear a
    /// flag). A fetch failure (error without an extractor) of an item that allows it is retried next run. An item
    /// found gone (<see cref="TrackedItem.Gone"/>) is recorded deleted and loses its flag.
    /// </summary>
    void RecordVerdict(TrackedItem item, ScanResult result, long runId);

    /// <summary>Marks the live items of <paramref name="scope"/> that a complete listing did not return as deleted (they
    /// lose their flag), except those under <paramref name="unlisted"/> path prefixes (folders that could not be read).
    /// Returns how many were marked.</summary>
    int MarkMissing(string scope, IReadOnlySet<string> seen, IReadOnlyList<string> unlisted, string reason);
}
