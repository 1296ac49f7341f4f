using ClassScan.Cli.Configuration;
using ClassScan.Cli.Logging;
using ClassScan.Core.Scanning;
using ClassScan.Reporting;
using ClassScan.Reporting.Departments;
using ClassScan.Reporting.Html;
using ClassScan.Reporting.Json;
using Microsoft.Extensions.Logging;

namespace ClassScan.Cli;

/// <summary>
/// Which reports a scan writes: the CSVs (always, first, so they complete even if a later report fails), the
/// department review files, results.jsonl when asked for, rapport.html, and the log of unreadable files.
/// </summary>
internal static class ReportComposition
{
    public static IScanResultSink Create(string outDir, ClassScanSettings? settings, ILogger? log, IReadOnlyList<IScanResultSink>? extra = null)
    {
        var map = new DepartmentMap((settings?.Departments ?? []).Select(d => d.ToRule()));
        // Created before the CSV sink: it reads the previous run's summary.json and flagged.csv for the comparison.
        var html = new HtmlReportSink(outDir, map)
        {
            RelatedFiles = [JsonLinesReportSink.FileName, DepartmentReportSink.FolderName + "/", ScanLogging.FolderName + "/"],
        };
        var sinks = new List<IScanResultSink> { new CsvReportSink(outDir), new DepartmentReportSink(outDir, map) };
        if (settings?.Scan.WritesJsonLines == true) sinks.Add(new JsonLinesReportSink(outDir));
        if (extra is not null) sinks.AddRange(extra);
        if (log is not null) sinks.Add(new LoggingSink(log));
        sinks.Add(html); // last: it links to whatever the others wrote (changes.csv of a state-keeping source)
        return new CompositeSink(sinks);
    }
}
