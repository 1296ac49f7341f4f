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
    private static string Shown(string? label, string? path) => string.IsNullOrEmpty(label) ? path ?? "" : label + "/" + path;

    /// <inheritdoc/>
    /// <remarks>An incremental run reads only changed files, but the department lists, rapport.html and results.csv
    /// must still show every file that has to leave M365.</remarks>
    public IReadOnlyList<ScanResult> GetCarriedResults(ScopeSet scopes, long runId)
    {
        var list = new List<ScanResult>();
        lock (gate)
        {
            using var cmd = Command(db, null, ItemsOfScopes + """

                  AND i.deleted = 0 AND i.status IS NOT NULL AND (i.run_id IS NULL OR i.run_id <> $run)
                ORDER BY i.scope, i.path
                """, [.. ScopeArgs(scopes), ("$run", runId)]);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var shown = Shown(Str(r, "scope_label"), Str(r, "path") ?? Str(r, "item_id")!);
                var status = Status(Str(r, "status"));
                var level = Long(r, "level");
                list.Add(new ScanResult
                {
                    Item = new SourceItem(ScopeRecord.SourceItemId(Str(r, "scope_kind"), Str(r, "scope")!, Str(r, "item_id")!), shown, Long(r, "size"), ParseTime(Str(r, "last_modified")))
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
        }
        return list;
    }

    private static ScanStatus Status(string? name) => name switch
    {
        "ok" => ScanStatus.Ok,
        "no-text" => ScanStatus.NoText,
        "encrypted" => ScanStatus.Encrypted,
        "unsupported" => ScanStatus.Unsupported,
        _ => ScanStatus.Error,
    };
}
