using ClassScan.Core.Scanning;
using Microsoft.Extensions.Logging;

namespace ClassScan.Cli.Logging;

/// <summary>
/// Logs each file that failed to read (status error) with its path and masked cause, so the log explains the
/// errors counted in the run summary. Other blind spots (encrypted, no text) are expected and live in review.csv.
/// </summary>
internal sealed class LoggingSink(ILogger logger) : IScanResultSink
{
    public ValueTask WriteAsync(ScanResult result, CancellationToken ct)
    {
        if (result.Status == ScanStatus.Error)
            logger.FileNotRead(result.Item.Path, result.Status.ToReportName(), result.StatusDetail ?? "");
        return ValueTask.CompletedTask;
    }

    public ValueTask CompleteAsync(ScanSummary summary, CancellationToken ct) => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
