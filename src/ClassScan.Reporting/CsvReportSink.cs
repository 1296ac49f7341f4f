using System.Text.Json;
using ClassScan.Core.Scanning;

namespace ClassScan.Reporting;

/// <summary>
/// Writes the scan's CSV reports into one folder:
/// results.csv (every file seen), flagged.csv (must_leave=true), review.csv (every file not judged: status ≠ ok; and every judged file the classifier
/// alone suspects, "granska", which is not a flag because no evidence backs it)
/// and summary.json (totals; "complete": false when the scan was interrupted). Files appear atomically at
/// completion: staged in the <see cref="ReportBatch"/> given, which its owner commits with the other reports, or
/// in one of its own committed here. Single writer, not thread-safe (the pipeline's report stage is the only caller).
/// </summary>
public sealed class CsvReportSink : IScanResultSink
{
    private readonly string outDir;
    private readonly AtomicCsvFile<ResultRow> results;
    private readonly AtomicCsvFile<ResultRow> flagged;
    private readonly AtomicCsvFile<ReviewRow> review;
    private readonly ReportBatch batch;
    private readonly bool ownsBatch;

    /// <param name="batch">Where the files are staged; null: a batch of its own, committed at completion.</param>
    public CsvReportSink(string outDir, ReportBatch? batch = null)
    {
        this.outDir = outDir;
        ownsBatch = batch is null;
        this.batch = batch ?? new ReportBatch();
        Directory.CreateDirectory(outDir);
        results = new(Path.Combine(outDir, "results.csv"), this.batch);
        flagged = new(Path.Combine(outDir, "flagged.csv"), this.batch);
        review = new(Path.Combine(outDir, "review.csv"), this.batch);
    }

    /// <summary>Set when the state file was damaged and rebuilt; written as "state_recovered" (null otherwise).</summary>
    public StateRecoveredNote? StateRecovered { get; init; }

    public ValueTask WriteAsync(ScanResult result, CancellationToken ct)
    {
        var row = ReportRow.Of(result);
        var columns = ResultRow.From(row);
        results.Write(columns);
        if (row.MustLeave) flagged.Write(columns);
        if (row.NeedsReview) review.Write(ReviewRow.From(row));
        return ValueTask.CompletedTask;
    }

    public async ValueTask CompleteAsync(ScanSummary summary, CancellationToken ct)
    {
        await results.CloseAsync().ConfigureAwait(false);
        await flagged.CloseAsync().ConfigureAwait(false);
        await review.CloseAsync().ConfigureAwait(false);
        var json = JsonSerializer.Serialize(new
        {
            complete = summary.Complete,
            incomplete_reason = summary.IncompleteReason,
            started = summary.StartedAt,
            finished = summary.FinishedAt,
            duration_seconds = Math.Round(summary.Duration.TotalSeconds, 2),
            files = summary.Files,
            bytes = summary.Bytes,
            extracted_chars = summary.ExtractedChars,
            must_leave = summary.MustLeave,
            by_status = summary.ByStatus,
            by_level = summary.ByLevel.OrderBy(kv => kv.Key).ToDictionary(kv => kv.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), kv => kv.Value),
            state_recovered = StateRecovered is { } r ? new { moved_to = r.MovedTo, reason = r.Reason } : null,
        }, new JsonSerializerOptions { WriteIndented = true });
        await using (var file = batch.Open(Path.Combine(outDir, "summary.json")))
            await file.WriteAsync(System.Text.Encoding.UTF8.GetBytes(json), ct).ConfigureAwait(false);
        if (ownsBatch) batch.Commit();
    }

    public async ValueTask DisposeAsync()
    {
        await results.DisposeAsync().ConfigureAwait(false);
        await flagged.DisposeAsync().ConfigureAwait(false);
        await review.DisposeAsync().ConfigureAwait(false);
        if (ownsBatch) batch.Dispose();
    }
}
