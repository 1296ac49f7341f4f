using Npgsql;
using ClassScan.Core.Classification;
using ClassScan.Core.Scanning;

namespace ClassScan.State.Postgres;

public sealed partial class PostgresStateStore
{
    /// <summary>Items of the scopes (every scope when @all, else those in the text array @scopes) with their scope's
    /// label; callers add "AND ..." conditions and pass <see cref="ScopeArgs"/>.</summary>
    private const string ItemsOfScopes = """
        SELECT i.*, s.label AS scope_label, s.kind AS scope_kind FROM items i LEFT JOIN scopes s ON s.scope = i.scope
        WHERE (@all OR i.scope = ANY(@scopes))
        """;

    /// <summary>The filter of a <see cref="ScopeSet"/>: all scopes, or exactly the ones named (none matches nothing).</summary>
    private static NpgsqlParameter[] ScopeArgs(ScopeSet scopes) => [Bool("all", scopes.IsAll), TextArray("scopes", scopes.Scopes)];

    /// <summary>A path as the reports show it: under its scope's label (the drive or folder name) when there is one.</summary>
    private static string Shown(string? label, string? path) => string.IsNullOrEmpty(label) ? path ?? "" : label + "/" + path;

    /// <summary>
    /// Compares the flags of the given scopes now with the last completed report (the baseline): newly
    /// flagged, no longer flagged (deleted, moved, cleaned) and still flagged. A deleted file whose content
    /// (quickXorHash or SHA-256) turns up newly flagged elsewhere counts as moved.
    /// </summary>
    public IReadOnlyList<FlagChange> GetChanges(ScopeSet scopes, long runId)
    {
        var rows = Read(conn =>
        {
            using var cmd = Command(conn, null, ItemsOfScopes + """

                  AND ((i.flagged AND NOT i.deleted) OR i.reported_flagged)
                """, ScopeArgs(scopes));
            using var r = cmd.ExecuteReader();
            var list = new List<ChangeCandidate>();
            while (r.Read())
            {
                var label = Str(r, "scope_label");
                list.Add(new ChangeCandidate(
                    Scope: Str(r, "scope")!,
                    Path: Shown(label, Str(r, "path")),
                    ReportedPath: Str(r, "reported_path") is { } rp ? Shown(label, rp) : null,
                    Flagged: Bool(r, "flagged") && !Bool(r, "deleted"),
                    WasFlagged: Bool(r, "reported_flagged"),
                    Deleted: Bool(r, "deleted"),
                    GoneReason: Str(r, "gone_reason"),
                    Level: (int?)Long(r, "flag_level"),
                    ReportedLevel: (int?)Long(r, "reported_level"),
                    Reason: Str(r, "flag_reason"),
                    Status: Str(r, "status"),
                    JudgedThisRun: Long(r, "run_id") == runId,
                    ContentKey: Str(r, "qxhash") ?? Str(r, "sha256"),
                    WebUrl: Str(r, "web_url"),
                    LastModifiedBy: Str(r, "last_modified_by"),
                    LastModified: Time(r, "last_modified"),
                    ReportId: Str(r, "report_id")));
            }
            return list;
        });

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

    /// <summary>
    /// Makes the current flags the baseline for the next changes report and forgets deleted items. Called after
    /// a complete run's changes.csv is written; an interrupted run leaves the baseline, so nothing is missed.
    /// </summary>
    public void AcceptChanges(ScopeSet scopes) => WriteBatch(
        ("""
         UPDATE items SET reported_flagged = CASE WHEN deleted THEN false ELSE flagged END,
           reported_path = path, reported_level = flag_level
         WHERE (@all OR scope = ANY(@scopes))
         """, ScopeArgs(scopes)),
        ("DELETE FROM items WHERE deleted AND (@all OR scope = ANY(@scopes))", ScopeArgs(scopes)));

    /// <summary>Files flagged now in the given scopes (what still has to leave M365).</summary>
    public int CountFlagged(ScopeSet scopes) => Read(conn =>
        (int)(long)Scalar(conn, null, "SELECT count(*) FROM items WHERE flagged AND NOT deleted AND (@all OR scope = ANY(@scopes))", ScopeArgs(scopes))!);

    /// <summary>
    /// The last verdicts of live items in <paramref name="scopes"/> that this run did not judge (unchanged since
    /// an earlier run), as results for the reports; these carry no evidence, the extractor says "tidigare bedömd".
    /// Ordered by scope and path byte for byte (COLLATE "C"), as SQLite orders them, whatever the database's locale.
    /// </summary>
    public IReadOnlyList<ScanResult> GetCarriedResults(ScopeSet scopes, long runId) => Read(conn =>
    {
        var list = new List<ScanResult>();
        using var cmd = Command(conn, null, ItemsOfScopes + """

              AND NOT i.deleted AND i.status IS NOT NULL AND (i.run_id IS NULL OR i.run_id <> @run)
            ORDER BY i.scope COLLATE "C", i.path COLLATE "C"
            """, [.. ScopeArgs(scopes), Bigint("run", runId)]);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var shown = Shown(Str(r, "scope_label"), Str(r, "path") ?? Str(r, "item_id")!);
            var status = Status(Str(r, "status"));
            var level = Long(r, "level");
            list.Add(new ScanResult
            {
                Item = new SourceItem(ScopeRecord.SourceItemId(Str(r, "scope_kind"), Str(r, "scope")!, Str(r, "item_id")!), shown, Long(r, "size"), Time(r, "last_modified"))
                {
                    ReportId = Str(r, "report_id"),
                    WebUrl = Str(r, "web_url"),
                    LastModifiedBy = Str(r, "last_modified_by"),
                },
                Status = status,
                StatusDetail = status == ScanStatus.Ok ? null : Str(r, "reason"),
                Classification = status == ScanStatus.Ok && level is { } l
                    ? new ClassificationResult((KlassaLevel)(int)l, Str(r, "reason") ?? "", Str(r, "rule") ?? "")
                    : null,
                Bytes = Long(r, "size") ?? 0,
                Extractor = "tidigare bedömd",
            });
        }
        return list;
    });

    private static ScanStatus Status(string? name) => name switch
    {
        "ok" => ScanStatus.Ok,
        "no-text" => ScanStatus.NoText,
        "encrypted" => ScanStatus.Encrypted,
        "unsupported" => ScanStatus.Unsupported,
        _ => ScanStatus.Error,
    };

    private sealed record ChangeCandidate(
        string Scope, string Path, string? ReportedPath, bool Flagged, bool WasFlagged, bool Deleted, string? GoneReason,
        int? Level, int? ReportedLevel, string? Reason, string? Status, bool JudgedThisRun, string? ContentKey,
        string? WebUrl, string? LastModifiedBy, DateTimeOffset? LastModified, string? ReportId);
}
