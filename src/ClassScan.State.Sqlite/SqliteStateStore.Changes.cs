using ClassScan.Core.Scanning;

namespace ClassScan.State.Sqlite;

public sealed partial class SqliteStateStore
{
    /// <inheritdoc/>
    public IReadOnlyList<FlagChange> GetChanges(ScopeSet scopes, long runId)
    {
        var rows = new List<ChangeCandidate>();
        lock (gate)
        {
            using var cmd = Command(db, null, ItemsOfScopes + """

                  AND ((i.flagged = 1 AND i.deleted = 0) OR i.reported_flagged = 1)
                """, ScopeArgs(scopes));
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var label = Str(r, "scope_label");
                rows.Add(new ChangeCandidate(
                    Scope: Str(r, "scope")!,
                    Path: Shown(label, Str(r, "path")),
                    ReportedPath: Str(r, "reported_path") is { } rp ? Shown(label, rp) : null,
                    Flagged: Long(r, "flagged") == 1 && Long(r, "deleted") == 0,
                    WasFlagged: Long(r, "reported_flagged") == 1,
                    Deleted: Long(r, "deleted") == 1,
                    GoneReason: Str(r, "gone_reason"),
                    Level: (int?)Long(r, "flag_level"),
                    ReportedLevel: (int?)Long(r, "reported_level"),
                    Reason: Str(r, "flag_reason"),
                    Status: Str(r, "status"),
                    JudgedThisRun: Long(r, "run_id") == runId,
                    ContentKey: Str(r, "qxhash") ?? Str(r, "sha256"),
                    WebUrl: Str(r, "web_url"),
                    LastModifiedBy: Str(r, "last_modified_by"),
                    LastModified: ParseTime(Str(r, "last_modified")),
                    ReportId: Str(r, "report_id")));
            }
        }

        // Only a file new since the baseline can be where a deleted one went; an existing file with equal content is a copy.
        var newlyByContent = rows.Where(c => c.Flagged && !c.WasFlagged && c.ReportedPath is null && c.ContentKey is not null)
            .GroupBy(c => c.ContentKey!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var movedFrom = new Dictionary<ChangeCandidate, ChangeCandidate>(ReferenceEqualityComparer.Instance);
        foreach (var c in rows.Where(c => c.WasFlagged && c.Deleted && c.ContentKey is not null))
        {
            if (newlyByContent.TryGetValue(c.ContentKey!, out var target) && !movedFrom.ContainsKey(target)) movedFrom[target] = c;
        }
        var movedTo = new Dictionary<ChangeCandidate, ChangeCandidate>(ReferenceEqualityComparer.Instance);
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

    /// <inheritdoc/>
    public void AcceptChanges(ScopeSet scopes)
    {
        var args = ScopeArgs(scopes);
        Write(tx =>
        {
            Exec(db, tx, """
                UPDATE items SET reported_flagged = CASE WHEN deleted = 1 THEN 0 ELSE flagged END,
                  reported_path = path, reported_level = flag_level
                WHERE ($all = 1 OR scope IN (SELECT value FROM json_each($scopes)))
                """, args);
            Exec(db, tx, "DELETE FROM items WHERE deleted = 1 AND ($all = 1 OR scope IN (SELECT value FROM json_each($scopes)))", args);
        });
    }

    /// <inheritdoc/>
    public int CountFlagged(ScopeSet scopes)
    {
        lock (gate)
        {
            return Convert.ToInt32(Scalar(db, null,
                "SELECT count(*) FROM items WHERE flagged = 1 AND deleted = 0 AND ($all = 1 OR scope IN (SELECT value FROM json_each($scopes)))",
                ScopeArgs(scopes)), System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    private sealed record ChangeCandidate(
        string Scope, string Path, string? ReportedPath, bool Flagged, bool WasFlagged, bool Deleted, string? GoneReason,
        int? Level, int? ReportedLevel, string? Reason, string? Status, bool JudgedThisRun, string? ContentKey,
        string? WebUrl, string? LastModifiedBy, DateTimeOffset? LastModified, string? ReportId);
}
