using System.Text.Encodings.Web;
using System.Text.Json;
using ClassScan.Core.Scanning;

namespace ClassScan.Reporting.Json;

/// <summary>
/// <c>results.jsonl</c>: one JSON object per file, for a SIEM or a script. The same fields, in the same order, with
/// the same values and masking as results.csv: both write <see cref="ResultRow"/>, the JSON through
/// <see cref="ReportColumns{TRow}"/>, with numbers and booleans typed and an empty level as null. Written to a temp
/// file and put in place at completion with the CSVs (a shared <see cref="ReportBatch"/>), or at once with a batch
/// of its own. Single writer, not thread-safe.
/// </summary>
public sealed class JsonLinesReportSink : IScanResultSink
{
    public const string FileName = "results.jsonl";

    // Relaxed escaping keeps åäö and '+' readable for people grepping the file. It is still valid JSON; "unsafe"
    // only means the text must be encoded again before it is pasted into HTML, which a SIEM does itself.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Stream stream;
    private readonly Utf8JsonWriter json;
    private readonly ReportBatch batch;
    private readonly bool ownsBatch;
    private bool closed;

    /// <param name="batch">Where the file is staged; null: a batch of its own, committed at completion.</param>
    public JsonLinesReportSink(string outDir, ReportBatch? batch = null)
    {
        Directory.CreateDirectory(outDir);
        ownsBatch = batch is null;
        this.batch = batch ?? new ReportBatch();
        stream = this.batch.Open(Path.Combine(outDir, FileName));
        json = new Utf8JsonWriter(stream, Options);
    }

    public ValueTask WriteAsync(ScanResult result, CancellationToken ct)
    {
        ReportColumns<ResultRow>.WriteJson(json, ResultRow.From(ReportRow.Of(result)));
        json.Flush();
        json.Reset();
        stream.WriteByte((byte)'\n');
        return ValueTask.CompletedTask;
    }

    public async ValueTask CompleteAsync(ScanSummary summary, CancellationToken ct)
    {
        await json.DisposeAsync().ConfigureAwait(false);
        await stream.FlushAsync(ct).ConfigureAwait(false);
        closed = true;
        await stream.DisposeAsync().ConfigureAwait(false);
        if (ownsBatch) batch.Commit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!closed)
        {
            closed = true;
            try
            {
                await json.DisposeAsync().ConfigureAwait(false);
                await stream.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ObjectDisposedException)
            {
                // Not closed means the run failed and its cause is reported; the batch deletes the temp file.
            }
        }
        if (ownsBatch) batch.Dispose();
    }
}
