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
/// department review files, results.jsonl when asked for, rapport.html, and the log of unreadable files. All
/// are put in place together when every one is written, so a full disk keeps last night's set whole.
/// </summary>
internal static class ReportComposition
{
    /// <param name="redaction">How every report shows names (identity numbers masked, report ids added).</param>
    /// <param name="stateRecovered">Set when the state file was damaged and rebuilt: summary.json and rapport.html say so.</param>
    /// <param name="health">Extra run-health figures for rapport.html (the state's counters: unchanged files, Graph throttling).</param>
    /// <param name="batch">Where every report is staged, then put in place together when all are written. Its creator
    /// disposes it after the sink, which deletes what a failed run staged.</param>
    public static IScanResultSink Create(string outDir, ReportBatch batch, ClassScanSettings? settings, ILogger? log, ReportRedaction redaction, IReadOnlyList<IScanResultSink>? extra = null,
        Func<IReadOnlyList<HealthMetric>>? health = null, StateRecoveredNote? stateRecovered = null)
    {
        var map = new DepartmentMap((settings?.Departments ?? []).Select(d => d.ToRule()));
        // Created before the CSV sink: it reads the previous run's summary.json and flagged.csv for the comparison.
        var html = new HtmlReportSink(outDir, map, batch: batch)
        {
            RelatedFiles = [JsonLinesReportSink.FileName, DepartmentReportSink.FolderName + "/", ScanLogging.FolderName + "/"],
            ExtraHealth = health,
            StateRecovered = stateRecovered,
        };
        var sinks = new List<IScanResultSink> { new CsvReportSink(outDir, batch) { StateRecovered = stateRecovered }, new DepartmentReportSink(outDir, map, batch) };
        if (settings?.Scan.WritesJsonLines == true) sinks.Add(new JsonLinesReportSink(outDir, batch));
        if (extra is not null) sinks.AddRange(extra);
        if (log is not null) sinks.Add(new LoggingSink(log));
        sinks.Add(html); // last: it links to whatever the others wrote (changes.csv of a state-keeping source)
        return new RedactingSink(new CompositeSink(sinks, batch), redaction);
    }

    /// <summary>The state's counters as health figures: how much was read tonight, and how Graph treated us.</summary>
    public static IReadOnlyList<HealthMetric> StateHealth(RunCounters c)
    {
        var sv = System.Globalization.CultureInfo.GetCultureInfo("sv-SE");
        var list = new List<HealthMetric>
        {
            new("Filer listade", c.Listed.ToString("N0", sv)),
            new("Lästa i natt (nya eller ändrade)", c.Queued.ToString("N0", sv)),
            new("Oförändrade (tidigare bedömning används)", c.Unchanged.ToString("N0", sv)),
            new("Borttagna sedan förra körningen", c.Deleted.ToString("N0", sv)),
        };
        if (c.Requests > 0)
        {
            list.Add(new("Graph-anrop", c.Requests.ToString("N0", sv)));
            list.Add(new("Nedladdningar", c.Downloads.ToString("N0", sv)));
            list.Add(new("Strypningar (HTTP 429/503)", c.Throttled.ToString("N0", sv), c.Throttled > 0));
            list.Add(new("Omförsök", c.Retries.ToString("N0", sv)));
        }
        return list;
    }
}
