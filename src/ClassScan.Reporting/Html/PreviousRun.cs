using System.Globalization;
using System.Text.Json;
using CsvHelper;

namespace ClassScan.Reporting.Html;

/// <summary>
/// The previous run's totals and flagged files, read from the output folder (summary.json and flagged.csv)
/// before this run replaces them. Memory: one small entry per previously flagged file.
/// </summary>
internal sealed class PreviousRun
{
    private PreviousRun() { }

    public DateTimeOffset? Finished { get; private init; }
    public bool Complete { get; private init; }
    public int Files { get; private init; }
    public int MustLeave { get; private init; }
    public int NotJudged { get; private init; }

    /// <summary>Files flagged last time and not yet seen in this run: path as reported, level, web URL and last
    /// modifier (so they can still be mapped to a department). Keyed by report id, or by path in a flagged.csv
    /// written before report ids existed: two files whose names differ only in a masked personnummer share a
    /// reported path, and the id is what tells them apart.</summary>
    public Dictionary<string, (string Path, string Level, string? WebUrl, string? LastModifiedBy)> Flagged { get; } = new(StringComparer.Ordinal);

    private bool keyedById;

    /// <summary>Removes the file from <see cref="Flagged"/> and says whether it was flagged last time.</summary>
    public bool TakeFlagged(string? reportId, string path) =>
        keyedById ? reportId is not null && Flagged.Remove(reportId) : Flagged.Remove(path);

    /// <summary>
    /// Loads the previous run, or returns null with a note when there is none or it cannot be read: the report
    /// then says so instead of failing, because a first run or a hand-edited folder is normal.
    /// </summary>
    public static PreviousRun? TryLoad(string outDir, out string? note)
    {
        note = null;
        var summaryPath = Path.Combine(outDir, "summary.json");
        if (!File.Exists(summaryPath))
        {
            note = "Ingen tidigare körning i utmappen: jämförelsen visas från nästa körning.";
            return null;
        }
        PreviousRun run;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(summaryPath));
            var root = doc.RootElement;
            var files = Int(root, "files");
            var ok = root.TryGetProperty("by_status", out var byStatus) ? Int(byStatus, "ok") : files;
            run = new PreviousRun
            {
                Finished = root.TryGetProperty("finished", out var f) && f.TryGetDateTimeOffset(out var fin) ? fin : null,
                Complete = root.TryGetProperty("complete", out var c) && c.ValueKind == JsonValueKind.True,
                Files = files,
                MustLeave = Int(root, "must_leave"),
                NotJudged = Math.Max(0, files - ok),
            };
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            note = "Förra körningens summary.json kunde inte läsas: ingen jämförelse den här gången.";
            return null;
        }

        var flaggedPath = Path.Combine(outDir, "flagged.csv");
        if (!File.Exists(flaggedPath))
        {
            note = "Förra körningens flagged.csv saknas: bara totalerna jämförs.";
            return run;
        }
        try
        {
            using var reader = new StreamReader(flaggedPath);
            using var csv = new CsvReader(reader, AtomicCsvFile<ResultRow>.Configuration);
            if (csv.Read() && csv.ReadHeader())
            {
                while (csv.Read())
                {
                    var path = csv.GetField("path");
                    if (string.IsNullOrEmpty(path)) continue;
                    var id = Optional(csv, "id");
                    run.keyedById |= id is not null;
                    run.Flagged[id ?? Unescape(path)] = (Unescape(path), csv.GetField("level") ?? "", Optional(csv, "web_url"), Optional(csv, "last_modified_by"));
                }
            }
        }
        catch (Exception ex) when (ex is CsvHelperException or IOException or UnauthorizedAccessException)
        {
            run.Flagged.Clear();
            note = "Förra körningens flagged.csv kunde inte läsas: bara totalerna jämförs.";
        }
        return run;
    }

    private static int Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : 0;

    private static string? Optional(CsvReader csv, string name) =>
        csv.HeaderRecord?.Contains(name) == true && csv.GetField(name) is { Length: > 0 } v ? Unescape(v) : null;

    // The CSV writer prefixes an apostrophe against formula injection; undo it so the path read back equals
    // the path the scanner saw (a file named "=x.docx" must match itself between runs).
    private static string Unescape(string value) => CsvCell.Restore(value);
}
