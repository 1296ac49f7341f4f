using System.Text.Json;
using ClassScan.Core.Classification;
using ClassScan.Core.Scanning;

namespace ClassScan.State.Sqlite;

public sealed partial class SqliteStateStore
{
    /// <summary>Items of the scopes in $scopes (a JSON array; every scope when $all is 1) with their scope's label;
    /// callers add "AND ..." conditions and the parameters of <see cref="ScopeArgs"/>.</summary>
    private const string ItemsOfScopes = """
        SELECT i.*, s.label AS scope_label, s.kind AS scope_kind FROM items i LEFT JOIN scopes s ON s.scope = i.scope
        WHERE ($all = 1 OR i.scope IN (SELECT value FROM json_each($scopes)))
        """;

    /// <summary>The $all and $scopes parameters of a query over <paramref name="scopes"/>.</summary>
    private static (string, object?)[] ScopeArgs(ScopeSet scopes) =>
        [("$all", scopes.IsAll ? 1 : 0), ("$scopes", JsonSerializer.Serialize(scopes.Scopes))];

    /// <summary>A path as the reports show it: under its scope's label (the drive or folder name) when there is one.</summary>
    private static string Shown(string? label, string? path) => StoredVerdict.Shown(label, path);

    /// <inheritdoc/>
    /// <remarks>An incremental run reads only changed files, but the department lists, rapport.html and results.csv
    /// must still show every file that has to leave M365.</remarks>
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

    /// <summary>Rows per read of <see cref="GetCarriedResults"/>: large enough that paging costs little, small enough
    /// that the lock is held briefly (verdicts of a running scan wait for it).</summary>
    private const int CarriedPageSize = 2000;

    private List<(ScanResult Result, (string Scope, string Path, string ItemId) Key)> ReadCarriedPage(
        ScopeSet scopes, long runId, (string Scope, string Path, string ItemId)? after)
    {
        var list = new List<(ScanResult, (string, string, string))>(CarriedPageSize);
        lock (gate)
        {
            // The first page has no lower bound; the others continue ix_items_order's scan from the last key (a
            // "$first = 1 OR ..." would keep SQLite from using the index as a range, and every page would sort the table).
            using var cmd = Command(db, null, ItemsOfScopes + """

                  AND i.deleted = 0 AND i.status IS NOT NULL AND (i.run_id IS NULL OR i.run_id <> $run)
                """ + (after is null ? "" : """

                  AND (i.scope, coalesce(i.path, ''), i.item_id) > ($ks, $kp, $ki)
                """) + """

                ORDER BY i.scope, coalesce(i.path, ''), i.item_id
                LIMIT $limit
                """, [.. ScopeArgs(scopes), ("$run", runId),
                    ("$ks", after?.Scope ?? ""), ("$kp", after?.Path ?? ""), ("$ki", after?.ItemId ?? ""), ("$limit", CarriedPageSize)]);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var v = new StoredVerdict(Str(r, "scope")!, Str(r, "scope_kind"), Str(r, "scope_label"), Str(r, "item_id")!, Str(r, "path"),
                    Long(r, "size"), ParseTime(Str(r, "last_modified")), Str(r, "report_id"), Str(r, "web_url"), Str(r, "last_modified_by"),
                    Str(r, "status"), Long(r, "level"), Str(r, "reason"), Str(r, "rule"));
                list.Add((v.ToResult(), v.Key));
            }
        }
        return list;
    }
}
