using ClassScan.Core.Scanning;

namespace ClassScan.Reporting;

/// <summary>
/// Stands in front of the reports (CSVs, department files, jsonl, rapport.html, the log of unreadable files) and
/// hands them each result as <see cref="ReportRedaction"/> shows it. The state sits outside it and keeps the full
/// path, which is what <c>classscan show</c> reads. Owns the inner sink. Single writer.
/// </summary>
public sealed class RedactingSink(IScanResultSink inner, ReportRedaction redaction) : IScanResultSink
{
    public ValueTask WriteAsync(ScanResult result, CancellationToken ct) => inner.WriteAsync(redaction.Apply(result), ct);

    public ValueTask CompleteAsync(ScanSummary summary, CancellationToken ct) => inner.CompleteAsync(redaction.Apply(summary), ct);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
