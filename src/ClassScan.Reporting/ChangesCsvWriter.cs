using ClassScan.Core.Scanning;

namespace ClassScan.Reporting;

/// <summary>
/// Writes changes.csv (semicolon, UTF-8 with BOM, atomically, like the other reports): newly flagged files
/// first, then files no longer flagged (deleted, moved, cleaned), then files still flagged. Staged in
/// the <see cref="ReportBatch"/> when given (put in place with the other reports), else put in place at once.
/// </summary>
public static class ChangesCsvWriter
{
    public const string FileName = "changes.csv";

    /// <param name="redaction">How the rows show names: the changes come from the state, which keeps full paths.</param>
    public static async ValueTask WriteAsync(string outDir, IEnumerable<FlagChange> changes, ReportRedaction redaction, ReportBatch? batch = null)
    {
        Directory.CreateDirectory(outDir);
        using var own = batch is null ? new ReportBatch() : null;
        await using (var file = new AtomicCsvFile<ChangeRow>(Path.Combine(outDir, FileName), batch ?? own!))
        {
            foreach (var c in changes) file.Write(ChangeRow.From(redaction.Apply(c)));
            await file.CloseAsync().ConfigureAwait(false);
        }
        own?.Commit();
    }
}
