using System.Text.Encodings.Web;
using System.Text.Json;
using ClassScan.Core.Scanning;

namespace ClassScan.Reporting.Json;

/// <summary>
/// <c>results.jsonl</c>: one JSON object per file, for a SIEM or a script. The same fields and the same masking
/// as results.csv (both are built from <see cref="ResultRow"/>), with numbers and booleans typed and an empty
/// level as null. Written to a temp file and renamed into place at completion, like the CSVs.
/// Single writer, not thread-safe.
/// </summary>
public sealed class JsonLinesReportSink : IScanResultSink
{
    public const string FileName = "results.jsonl";

    // Relaxed escaping keeps åäö and '+' readable for people grepping the file. It is still valid JSON; "unsafe"
    // only means the text must be encoded again before it is pasted into HTML, which a SIEM does itself.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly string target;
    private readonly string temp;
    private readonly FileStream stream;
    private readonly Utf8JsonWriter json;
    private bool committed;

    public JsonLinesReportSink(string outDir)
    {
        Directory.CreateDirectory(outDir);
        target = Path.Combine(outDir, FileName);
        temp = target + $".{Environment.ProcessId}.tmp";
        stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024);
        json = new Utf8JsonWriter(stream, Options);
    }

    public ValueTask WriteAsync(ScanResult result, CancellationToken ct)
    {
        var row = ResultRow.From(result);
        json.WriteStartObject();
        json.WriteString("path", row.Path);
        json.WriteString("status", row.Status);
        if (result.Classification is { } c) json.WriteNumber("level", (int)c.Level);
        else json.WriteNull("level");
        json.WriteBoolean("must_leave", result.MustLeave);
        json.WriteString("reason", row.Reason);
        json.WriteNumber("pnr_count", row.PnrCount);
        json.WriteString("evidence", row.Evidence);
        json.WriteNumber("bytes", row.Bytes);
        json.WriteString("extractor", row.Extractor);
        json.WriteNumber("elapsed_ms", row.ElapsedMs);
        json.WriteNumber("health_count", row.HealthCount);
        json.WriteString("osl_marking", row.OslMarking);
        json.WriteString("rule", row.Rule);
        json.WriteString("web_url", row.WebUrl);
        json.WriteString("last_modified_by", row.LastModifiedBy);
        json.WriteString("last_modified", row.LastModified);
        json.WriteString("id", row.Id);
        json.WriteEndObject();
        json.Flush();
        json.Reset();
        stream.WriteByte((byte)'\n');
        return ValueTask.CompletedTask;
    }

    public async ValueTask CompleteAsync(ScanSummary summary, CancellationToken ct)
    {
        await json.DisposeAsync().ConfigureAwait(false);
        await stream.FlushAsync(ct).ConfigureAwait(false);
        await stream.DisposeAsync().ConfigureAwait(false);
        File.Move(temp, target, overwrite: true);
        committed = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (committed) return;
        await json.DisposeAsync().ConfigureAwait(false);
        await stream.DisposeAsync().ConfigureAwait(false);
        try { File.Delete(temp); } catch (IOException) { }
    }
}
