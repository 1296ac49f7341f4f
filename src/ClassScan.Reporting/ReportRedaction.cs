using ClassScan.Core.Privacy;
using ClassScan.Core.Scanning;

namespace ClassScan.Reporting;

/// <summary>
/// What every report shows of a file's names: identity numbers masked in the path, web URL, display names and
/// the free texts that may quote them, and the report id that lets the coordinator find the file anyway
/// (<c>classscan show ID</c>). The one place that decides this, so no report can forget a field.
/// </summary>
public sealed class ReportRedaction(INameRedactor names, ReportIdentity ids)
{
    public ScanResult Apply(ScanResult result)
    {
        var item = result.Item;
        return result with
        {
            Item = item with
            {
                Path = names.Redact(item.Path),
                WebUrl = Redact(item.WebUrl),
                LastModifiedBy = Redact(item.LastModifiedBy),
                EnumerationError = Redact(item.EnumerationError),
                ReportId = item.ReportId ?? ids.Of(item.Id),
            },
            StatusDetail = Redact(result.StatusDetail),
            Classification = result.Classification is { } c ? c with { Reason = names.Redact(c.Reason) } : null,
        };
    }

    public FlagChange Apply(FlagChange change) => change with
    {
        Path = names.Redact(change.Path),
        PreviousPath = Redact(change.PreviousPath),
        Detail = Redact(change.Detail),
        Reason = Redact(change.Reason),
        WebUrl = Redact(change.WebUrl),
        LastModifiedBy = Redact(change.LastModifiedBy),
        Scope = names.Redact(change.Scope),
    };

    public ScanSummary Apply(ScanSummary summary) => summary with { IncompleteReason = Redact(summary.IncompleteReason) };

    /// <summary>Any other text from outside that an output repeats (a log message, a root folder's name).</summary>
    public string Text(string text) => names.Redact(text);

    private string? Redact(string? text) => text is null ? null : names.Redact(text);
}
