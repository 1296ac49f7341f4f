using System.Globalization;
using ClassScan.Cli.Configuration;
using ClassScan.Core.Scanning;
using ClassScan.Reporting;
using ClassScan.Reporting.Html;
using ClassScan.State;

namespace ClassScan.Cli;

/// <summary>
/// Writes a scan's reports from the state alone (<c>classscan report</c>): the last verdict of every live file in every
/// scope and the changes since the last accepted baseline, through the same sinks, redaction and batch as a scan, so
/// results.csv, flagged.csv, review.csv, changes.csv, the department files, rapport.html and summary.json look as a
/// scan's do. Reads the store only; never moves the baseline (the command decides that).
/// </summary>
internal static class StateReport
{
    /// <summary>What was written: the totals, the changes, or why nothing was put in place.</summary>
    public sealed record Outcome(ScanSummary Summary, IReadOnlyList<FlagChange> Changes, string? Failure);

    public static async Task<Outcome> WriteAsync(IScanStateStore store, string outDir, ClassScanSettings settings, TimeProvider time, CancellationToken ct)
    {
        var redaction = new ReportRedaction(ScanComposition.CreateNameRedactor(time), store.ReportIds);
        var changes = store.GetChanges(ScopeSet.All, 0);
        var runs = store.GetRuns(RunsConsidered);
        var totals = new SummaryTotals();
        ScanSummary Summary() => Summarize(totals, runs, time.GetUtcNow(), redaction);
        // Disposed after the sink: deletes the temp files of reports that were never put in place.
        using var batch = new ReportBatch();
        try
        {
            await using var sink = ReportComposition.Create(outDir, batch, settings, log: null, redaction,
                health: () => History(runs, redaction), changes: () => changes, fromState: true);
            // Staged before the reports complete, so rapport.html links it; put in place with them.
            await ChangesCsvWriter.WriteAsync(outDir, changes, redaction, batch).ConfigureAwait(false);
            // Streamed from the state page by page: a tenant-wide report never holds every item in memory.
            foreach (var r in store.GetCarriedResults(ScopeSet.All, 0))
            {
                await sink.WriteAsync(r, ct).ConfigureAwait(false);
                totals.Add(r);
            }
            await sink.CompleteAsync(Summary(), ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (OutputWriteException.IsOutputFailure(ex))
        {
            return new Outcome(Summary(), changes, OutputWriteException.Describe(ex));
        }
        return new Outcome(Summary(), changes, batch.Committed ? null : "rapporterna lades inte på plats");
    }

    /// <summary>Runs read to decide whether the state is complete and to show in the health section.</summary>
    private const int RunsConsidered = 5;

    /// <summary>
    /// Totals of the results, complete when the newest run in the history finished complete: a run still going (or a
    /// node killed before it finished) means some files may not have their verdict yet, until a later run completes.
    /// </summary>
    internal static ScanSummary Summarize(SummaryTotals totals, IReadOnlyList<RunRecord> newestFirst, DateTimeOffset now, ReportRedaction redaction)
    {
        var newest = newestFirst.Count > 0 ? newestFirst[0] : null;
        var incomplete = newest switch
        {
            null => "det finns ingen körning i tillståndet",
            { FinishedAt: null } => $"körning {newest.Id.ToString(CultureInfo.InvariantCulture)} ({newest.Source}) pågår eller avbröts utan att avslutas",
            { Complete: false } => $"senaste körningen ({newest.Id.ToString(CultureInfo.InvariantCulture)}, {newest.Source}) är ofullständig: {redaction.Text(newest.IncompleteReason ?? "okänd orsak")}",
            _ => null,
        };
        return new ScanSummary
        {
            StartedAt = now,
            FinishedAt = now,
            Complete = incomplete is null,
            IncompleteReason = incomplete,
            Files = totals.Files,
            Bytes = totals.Bytes,
            MustLeave = totals.MustLeave,
            ByStatus = new Dictionary<string, int>(totals.ByStatus),
            ByLevel = new Dictionary<int, int>(totals.ByLevel),
        };
    }

    /// <summary>The newest runs as health figures: which node or source judged last, when, and whether it finished.</summary>
    private static IReadOnlyList<HealthMetric> History(IReadOnlyList<RunRecord> newestFirst, ReportRedaction redaction)
    {
        var list = new List<HealthMetric>();
        foreach (var run in newestFirst)
        {
            var when = run.FinishedAt is { } f ? "slutade " + Local(f) : "startade " + Local(run.StartedAt) + ", inte avslutad";
            var how = run.FinishedAt is null ? "" : run.Complete ? ", komplett" : ", OFULLSTÄNDIG";
            list.Add(new HealthMetric(
                $"Körning {run.Id.ToString(CultureInfo.InvariantCulture)} ({run.Source})",
                $"{when}{how}; {run.Files.ToString("N0", CultureInfo.GetCultureInfo("sv-SE"))} filer bedömda" + (run.Description is { Length: > 0 } d ? "; " + redaction.Text(d) : ""),
                run.FinishedAt is not null && !run.Complete));
        }
        if (list.Count == 0) list.Add(new HealthMetric("Körningar", "inga i tillståndet", true));
        return list;
    }

    private static string Local(DateTimeOffset t) => t.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
