using ClassScan.Core.Scanning;

namespace ClassScan.State;

/// <summary>
/// The "previous run" comparison of every engine, from the rows an engine reads (flagged now, or flagged at the
/// baseline): newly flagged (new, changed, moved-in), no longer flagged (deleted, moved, cleaned) and still flagged
/// (unchanged, rescanned, renamed), sorted by kind then path (ordinal). One copy, so SQLite and PostgreSQL cannot word
/// a rename differently. A deleted flagged file whose content (quickXorHash, else SHA-256) turns up newly flagged
/// elsewhere counts as moved. Pure and thread-safe.
/// </summary>
internal static class FlagChangeComputation
{
    public static IReadOnlyList<FlagChange> Compute(IReadOnlyList<FlagChangeCandidate> rows)
    {
        // Only a file new since the baseline can be where a deleted one went; an existing file with equal content is a copy.
        var newlyByContent = rows.Where(c => c.Flagged && !c.WasFlagged && c.ReportedPath is null && c.ContentKey is not null)
            .GroupBy(c => c.ContentKey!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var movedFrom = new Dictionary<FlagChangeCandidate, FlagChangeCandidate>(ReferenceEqualityComparer.Instance);
        foreach (var c in rows.Where(c => c.WasFlagged && c.Deleted && c.ContentKey is not null))
        {
            if (newlyByContent.TryGetValue(c.ContentKey!, out var target) && !movedFrom.ContainsKey(target)) movedFrom[target] = c;
        }
        var movedTo = new Dictionary<FlagChangeCandidate, FlagChangeCandidate>(ReferenceEqualityComparer.Instance);
        foreach (var (target, source) in movedFrom) movedTo[source] = target;

        var changes = new List<FlagChange>();
        foreach (var c in rows)
        {
            FlagChange change;
            if (c.Flagged && !c.WasFlagged)
            {
                var from = movedFrom.GetValueOrDefault(c);
                change = new FlagChange(FlagChangeKind.NewlyFlagged, from is not null ? "moved-in" : c.ReportedPath is null ? "new" : "changed",
                    c.Path, c.Level, c.ReportedPath is null ? null : c.ReportedLevel, c.Reason,
                    from is not null ? "flyttad hit från " + from.Path : null, c.Scope)
                { PreviousPath = from?.Path };
            }
            else if (c.Flagged)
            {
                var renamed = c.ReportedPath is not null && c.ReportedPath != c.Path;
                change = new FlagChange(FlagChangeKind.StillFlagged, renamed ? "renamed" : c.JudgedThisRun ? "rescanned" : "unchanged",
                    c.Path, c.Level, c.ReportedLevel, c.Reason,
                    c.Status is not null and not "ok" ? $"senaste läsningen gav {c.Status}; flaggan från förra bedömningen står kvar" : null, c.Scope)
                { PreviousPath = renamed ? c.ReportedPath : null };
            }
            else if (c.Deleted)
            {
                var to = movedTo.GetValueOrDefault(c);
                change = new FlagChange(FlagChangeKind.NoLongerFlagged, to is not null ? "moved" : "deleted",
                    c.ReportedPath ?? c.Path, c.Level, c.ReportedLevel, c.Reason,
                    to is not null ? "flyttad till " + to.Path : c.GoneReason ?? "borttagen", c.Scope);
            }
            else
            {
                change = new FlagChange(FlagChangeKind.NoLongerFlagged, "cleaned", c.Path, c.Level, c.ReportedLevel, c.Reason,
                    $"bedöms nu som nivå {c.Level}", c.Scope)
                { PreviousPath = c.ReportedPath is not null && c.ReportedPath != c.Path ? c.ReportedPath : null };
            }
            changes.Add(change with { WebUrl = c.WebUrl, LastModifiedBy = c.LastModifiedBy, LastModified = c.LastModified, ReportId = c.ReportId });
        }
        return changes
            .OrderBy(c => c.Kind)
            .ThenBy(c => c.Path, StringComparer.Ordinal)
            .ToList();
    }
}
