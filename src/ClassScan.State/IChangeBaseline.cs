using ClassScan.Core.Scanning;

namespace ClassScan.State;

/// <summary>
/// The one "previous run" query: what changed in the must-leave flags since the last accepted baseline (the last
/// complete report). changes.csv, rapport.html's comparison and the tenant-wide <c>classscan report</c> all read it,
/// so a rename is a rename in every report. Ask for <see cref="ScopeSet.All"/> for the whole state.
/// Thread-safe. Returns new lists the caller owns. Throws what the engine throws on a failed read or write.
/// </summary>
public interface IChangeBaseline
{
    /// <summary>
    /// Flags now compared with the baseline, sorted by kind then path (ordinal): newly flagged (new, changed,
    /// moved-in), no longer flagged (deleted, moved, cleaned) and still flagged (unchanged, rescanned, renamed).
    /// A deleted flagged file whose content (quickXorHash, else SHA-256) turns up newly flagged elsewhere counts as
    /// moved. <paramref name="runId"/> is the run whose verdicts are "rescanned"; 0 when none is.
    /// </summary>
    IReadOnlyList<FlagChange> GetChanges(ScopeSet scopes, long runId);

    /// <summary>Makes the current flags the baseline of the next <see cref="GetChanges"/> and forgets deleted items, in
    /// one transaction. Called after a complete run's reports are written; an interrupted run leaves the baseline.</summary>
    void AcceptChanges(ScopeSet scopes);

    /// <summary>Live files flagged now (what still has to leave M365).</summary>
    int CountFlagged(ScopeSet scopes);
}
