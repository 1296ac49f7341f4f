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
    private static string Shown(string? label, string? path) => StoredVerdict.Shown(label, path);

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
            var list = new List<FlagChangeCandidate>();
            while (r.Read())
            {
                var label = Str(r, "scope_label");
                list.Add(new FlagChangeCandidate(
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

        return FlagChangeComputation.Compute(rows);
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
    public IEnumerable<ScanResult> GetCarriedResults(ScopeSet scopes, long runId)
    {
        (string Scope, string Path, string ItemId)? after = null;
        while (true)
        {
            var page = ReadCarriedPage(scopes, runId, after);
            foreach (var (result, _) in page) yield return result;
            if (page.Count < CarriedPageSize) yield break;
            after = page[^1].Key;
        }
    }

    /// <summary>Rows per round trip of <see cref="GetCarriedResults"/>.</summary>
    private const int CarriedPageSize = 2000;

    // Keyset paging as one row comparison in the "C" collation of the ORDER BY, so the pages follow the order byte for
    // byte whatever the database's locale, and each page continues the scan of ix_items_order (0003_report_order.sql)
    // where the last one stopped. The first page has no lower bound: a written-out "first page or after the key"
    // would keep the planner from using the index as a range.
    private const string CarriedFilter = """

              AND NOT i.deleted AND i.status IS NOT NULL AND (i.run_id IS NULL OR i.run_id <> @run)
        """;

    private const string AfterKey = """

              AND (i.scope COLLATE "C", coalesce(i.path, '') COLLATE "C", i.item_id COLLATE "C") > (@ks, @kp, @ki)
        """;

    private const string CarriedOrder = """

            ORDER BY i.scope COLLATE "C", coalesce(i.path, '') COLLATE "C", i.item_id COLLATE "C"
            LIMIT @limit
        """;

    private List<(ScanResult Result, (string Scope, string Path, string ItemId) Key)> ReadCarriedPage(
        ScopeSet scopes, long runId, (string Scope, string Path, string ItemId)? after) => Read(conn =>
    {
        var list = new List<(ScanResult, (string, string, string))>(CarriedPageSize);
        using var cmd = Command(conn, null, ItemsOfScopes + CarriedFilter + (after is null ? "" : AfterKey) + CarriedOrder,
            [.. ScopeArgs(scopes), Bigint("run", runId),
                Text("ks", after?.Scope ?? ""), Text("kp", after?.Path ?? ""), Text("ki", after?.ItemId ?? ""), Bigint("limit", CarriedPageSize)]);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var v = new StoredVerdict(Str(r, "scope")!, Str(r, "scope_kind"), Str(r, "scope_label"), Str(r, "item_id")!, Str(r, "path"),
                Long(r, "size"), Time(r, "last_modified"), Str(r, "report_id"), Str(r, "web_url"), Str(r, "last_modified_by"),
                Str(r, "status"), Long(r, "level"), Str(r, "reason"), Str(r, "rule"));
            list.Add((v.ToResult(), v.Key));
        }
        return list;
    });

}
