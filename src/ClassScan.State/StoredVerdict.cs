using ClassScan.Core.Classification;
using ClassScan.Core.Scanning;

namespace ClassScan.State;

/// <summary>
/// An item's last verdict as the state keeps it (one items row with its scope's label and kind), and the one way it
/// becomes a result for the reports, whichever engine read it. Evidence is not kept in the state, so the result carries
/// none and its extractor says "tidigare bedömd".
/// </summary>
internal sealed record StoredVerdict(
    string Scope, string? ScopeKind, string? ScopeLabel, string ItemId, string? Path, long? Size, DateTimeOffset? LastModified,
    string? ReportId, string? WebUrl, string? LastModifiedBy, string? Status, long? Level, string? Reason, string? Rule)
{
    /// <summary>The keyset position of this row in the carried-results order (scope, path, item id).</summary>
    public (string Scope, string Path, string ItemId) Key => (Scope, Path ?? "", ItemId);

    public ScanResult ToResult()
    {
        var status = StatusOf(Status);
        return new ScanResult
        {
            Item = new SourceItem(ScopeRecord.SourceItemId(ScopeKind, Scope, ItemId), Shown(ScopeLabel, Path ?? ItemId), Size, LastModified)
            {
                ReportId = ReportId,
                WebUrl = WebUrl,
                LastModifiedBy = LastModifiedBy,
            },
            Status = status,
            StatusDetail = status == ScanStatus.Ok ? null : Reason,
            Classification = status == ScanStatus.Ok && Level is { } l
                ? new ClassificationResult((KlassaLevel)(int)l, Reason ?? "", Rule ?? "")
                : null,
            Bytes = Size ?? 0,
            Extractor = "tidigare bedömd",
        };
    }

    /// <summary>A path as the reports show it: under its scope's label (the drive or folder name) when there is one.</summary>
    public static string Shown(string? label, string? path) => string.IsNullOrEmpty(label) ? path ?? "" : label + "/" + path;

    /// <summary>The status from its report name (as <see cref="ScanStatusNames"/> writes it); anything else is an error.</summary>
    public static ScanStatus StatusOf(string? name) => name switch
    {
        "ok" => ScanStatus.Ok,
        "no-text" => ScanStatus.NoText,
        "encrypted" => ScanStatus.Encrypted,
        "unsupported" => ScanStatus.Unsupported,
        _ => ScanStatus.Error,
    };
}
