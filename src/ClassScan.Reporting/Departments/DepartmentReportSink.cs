using System.Globalization;
using ClassScan.Core.Scanning;

namespace ClassScan.Reporting.Departments;

/// <summary>
/// Writes one review file per förvaltning, <c>&lt;out&gt;/forvaltningar/&lt;namn&gt;.csv</c>, holding only the files that
/// department must act on (must leave M365, or could not be judged), sorted by level (3, 2, then blind spots)
/// and path; unmapped files go to <c>okänd.csv</c>. Every configured department gets a file, empty when it has
/// nothing to do, so yesterday's list never lingers; CSVs of departments no longer configured are removed.
/// <para>
/// Memory: sorting needs the rows, so only rows needing action are buffered (about 1 KB each); files at level
/// 0–1 cost nothing. 100 000 flagged or blind files ≈ 100 MB. Files appear atomically at completion, with the
/// other reports when a shared <see cref="ReportBatch"/> is given; the stale files go only then too, so a run
/// that fails keeps last night's lists whole. Single writer, not thread-safe.
/// </para>
/// </summary>
public sealed class DepartmentReportSink : IScanResultSink
{
    /// <summary>The folder under the output folder that holds the department files.</summary>
    public const string FolderName = "forvaltningar";

    private readonly string folder;
    private readonly DepartmentMap map;
    private readonly Dictionary<string, List<DepartmentRow>> rows = new(StringComparer.OrdinalIgnoreCase);
    private readonly ReportBatch batch;
    private readonly bool ownsBatch;

    /// <param name="batch">Where the files are staged; null: a batch of its own, committed at completion.</param>
    public DepartmentReportSink(string outDir, DepartmentMap map, ReportBatch? batch = null)
    {
        folder = Path.Combine(outDir, FolderName);
        this.map = map;
        ownsBatch = batch is null;
        this.batch = batch ?? new ReportBatch();
        foreach (var name in map.Names) rows[name] = [];
    }

    public ValueTask WriteAsync(ScanResult result, CancellationToken ct)
    {
        var row = ReportRow.Of(result);
        if (row.NeedsAction) rows[map.Resolve(result.Item)].Add(DepartmentRow.From(row));
        return ValueTask.CompletedTask;
    }

    public async ValueTask CompleteAsync(ScanSummary summary, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        var paths = PathComparer();
        var written = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (department, list) in rows)
        {
            var fileName = DepartmentMap.FileNameFor(department);
            await using var file = new AtomicCsvFile<DepartmentRow>(Path.Combine(folder, fileName), batch);
            foreach (var row in list.OrderBy(r => r.Rank).ThenBy(r => r.File, paths)) file.Write(row);
            await file.CloseAsync().ConfigureAwait(false);
            written.Add(fileName);
        }
        foreach (var stale in Directory.EnumerateFiles(folder, "*.csv"))
        {
            if (!written.Contains(Path.GetFileName(stale))) batch.RemoveOnCommit(stale);
        }
        if (ownsBatch) batch.Commit();
    }

    public ValueTask DisposeAsync()
    {
        if (ownsBatch) batch.Dispose();
        return ValueTask.CompletedTask;
    }

    // Swedish collation (å, ä, ö after z) because reviewers scan the list by eye; ordinal if ICU lacks it.
    private static StringComparer PathComparer()
    {
        try
        {
            return StringComparer.Create(CultureInfo.GetCultureInfo("sv-SE"), ignoreCase: true);
        }
        catch (CultureNotFoundException)
        {
            return StringComparer.OrdinalIgnoreCase;
        }
    }
}
