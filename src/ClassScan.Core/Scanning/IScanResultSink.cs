namespace ClassScan.Core.Scanning;

/// <summary>
/// Receives every result of a scan, from a single writer (the report stage); need not be thread-safe.
/// <see cref="CompleteAsync"/> finishes the output (atomically where it writes files), marking it
/// incomplete when the scan was cancelled or failed. Disposing without completing discards partial output.
/// </summary>
public interface IScanResultSink : IAsyncDisposable
{
    ValueTask WriteAsync(ScanResult result, CancellationToken ct);

    ValueTask CompleteAsync(ScanSummary summary, CancellationToken ct);
}
