using System.Text.Json;
using ClassScan.Core.Classification;
using ClassScan.Core.Scanning;

namespace ClassScan.State;

public sealed partial class ScanStateStore
{
    /// <summary>Items of the scopes in $scopes (a JSON array) with their scope's label; callers add "AND ..." conditions.</summary>
    private const string ItemsOfScopes = """
        SELECT i.*, s.label AS scope_label, s.kind AS scope_kind FROM items i LEFT JOIN scopes s ON s.scope = i.scope
        WHERE i.scope IN (SELECT value FROM json_each($scopes))
        """;

    /// <summary>A path as the reports show it: under its scope's label (the drive or folder name) when there is one.</summary>
    private static string Shown(string? label, string? path) => string.IsNullOrEmpty(label) ? path ?? "" : label + "/" + path;

    /// <summary>
    /// The last verdicts of live items in <paramref name="scopes"/> that this run did not judge (unchanged since
    /// an earlier run), as results for the reports: an incremental run reads only changed files, but the
    /// department lists, rapport.html and results.csv must still show every file that has to leave M365.
    /// Evidence is not kept in the state, so these results carry none; the extractor says "tidigare bedömd".
    /// </summary>
    public IReadOnlyList<ScanResult> GetCarriedResults(IReadOnlyCollection<string> scopes, long runId)
    {
        var list = new List<ScanResult>();
        lock (gate)
        {
            using var cmd = Command(db, null, ItemsOfScopes + """

                  AND i.deleted = 0 AND i.status IS NOT NULL AND (i.run_id IS NULL OR i.run_id <> $run)
                ORDER BY i.scope, i.path
                """, ("$scopes", JsonSerializer.Serialize(scopes)), ("$run", runId));
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var shown = Shown(Str(r, "scope_label"), Str(r, "path") ?? Str(r, "item_id")!);
                var status = Status(Str(r, "status"));
                var level = Long(r, "level");
                list.Add(new ScanResult
                {
                    Item = new SourceItem(SourceItemId(Str(r, "scope_kind"), Str(r, "scope")!, Str(r, "item_id")!), shown, Long(r, "size"), ParseTime(Str(r, "last_modified")))
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
