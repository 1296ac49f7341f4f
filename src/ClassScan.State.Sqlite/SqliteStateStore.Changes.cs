using ClassScan.Core.Scanning;

namespace ClassScan.State.Sqlite;

public sealed partial class SqliteStateStore
{
    /// <inheritdoc/>
    public IReadOnlyList<FlagChange> GetChanges(ScopeSet scopes, long runId)
    {
        var rows = new List<FlagChangeCandidate>();
        lock (gate)
        {
            using var cmd = Command(db, null, ItemsOfScopes + """

                  AND ((i.flagged = 1 AND i.deleted = 0) OR i.reported_flagged = 1)
                """, ScopeArgs(scopes));
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var label = Str(r, "scope_label");
                rows.Add(new FlagChangeCandidate(
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

        return FlagChangeComputation.Compute(rows);
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

}
