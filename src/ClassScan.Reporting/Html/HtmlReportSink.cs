using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ClassScan.Core.Scanning;
using ClassScan.Reporting.Departments;

namespace ClassScan.Reporting.Html;

/// <summary>
/// Gathers the figures for <c>rapport.html</c>, the coordinator's morning page: totals per level and status, per
/// förvaltning, change since the last complete run, top reasons, blind spots and run health. The change comes from
/// <see cref="Changes"/>, the same list changes.csv is written from, so both name a rename or a move alike; a scan
/// that keeps no state has no previous run and the page says so. Memory: counters and at most
/// <see cref="MaxListed"/> listed files per list. Written to a temp file and put in place with the other reports
/// (a shared <see cref="ReportBatch"/>), or at once with a batch of its own. Single writer, not thread-safe.
/// </summary>
public sealed partial class HtmlReportSink : IScanResultSink
{
    public const string FileName = "rapport.html";

    /// <summary>Files listed by name per list (blind spots, new, resolved); the CSVs hold the rest.</summary>
    public const int MaxListed = 200;

    private const int MaxReasons = 200;
    private const string OtherReasons = "Övriga skäl";

    private readonly string outDir;
    private readonly DepartmentMap map;
    private readonly TimeProvider time;
    private readonly Dictionary<string, DepartmentTotals> departments = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> reasons = new(StringComparer.Ordinal);
    private readonly List<ReportFile> blindSpots = [];
    private readonly ReportBatch batch;
    private readonly bool ownsBatch;

    /// <param name="batch">Where the file is staged; null: a batch of its own, committed at completion.</param>
    public HtmlReportSink(string outDir, DepartmentMap map, TimeProvider? time = null, ReportBatch? batch = null)
    {
        this.outDir = outDir;
        this.map = map;
        ownsBatch = batch is null;
        this.batch = batch ?? new ReportBatch();
        this.time = time ?? TimeProvider.System;
        foreach (var name in map.Names) departments[name] = new DepartmentTotals(name);
    }

    /// <summary>
    /// The changes since the last complete run (the state's "previous run" query, redacted as changes.csv shows
    /// them), read at completion: the state computes them before the reports complete. Null when the scan keeps no
    /// state (--no-state): there is then no previous run to compare with, and the page says so.
    /// </summary>
    public Func<IReadOnlyList<FlagChange>>? Changes { get; init; }

    /// <summary>
    /// Set when the page is written from the state alone (<c>classscan report</c>): nothing was read now, so the
    /// header and the health section say whose verdicts these are instead of showing a run's speed.
    /// </summary>
    public bool FromState { get; init; }

    /// <summary>Extra health figures read at completion (e.g. throttling from the Graph source); optional.</summary>
    public Func<IReadOnlyList<HealthMetric>>? ExtraHealth { get; init; }

    /// <summary>Set when the state file was damaged and rebuilt this run: the report shows a red banner.</summary>
    public StateRecoveredNote? StateRecovered { get; init; }

    /// <summary>Other output files (relative to the output folder) the report should point at, if they exist.</summary>
    public IReadOnlyList<string> RelatedFiles { get; init; } = [];

    public ValueTask WriteAsync(ScanResult result, CancellationToken ct)
    {
        var row = ReportRow.Of(result);
        var department = map.Resolve(result.Item);
        var totals = departments[department];
        totals.Files++;
        if (result.MustLeave)
        {
            totals.MustLeave++;
            var reason = NormalizeReason(result.Classification!.Reason);
            if (reasons.Count >= MaxReasons && !reasons.ContainsKey(reason)) reason = OtherReasons;
            reasons[reason] = reasons.GetValueOrDefault(reason) + 1;
        }
        if (result.Status != ScanStatus.Ok)
        {
            totals.NotJudged++;
            if (blindSpots.Count < MaxListed)
                blindSpots.Add(new ReportFile(row.Path, department, row.Status + " – " + ReviewerText.Cause(result.Status), row.ReviewReason));
        }

        return ValueTask.CompletedTask;
    }

    public async ValueTask CompleteAsync(ScanSummary summary, CancellationToken ct)
    {
        var report = BuildReport(summary);
        var html = HtmlReportWriter.Render(report);
        Directory.CreateDirectory(outDir);
        await using (var file = batch.Open(Path.Combine(outDir, FileName)))
            await file.WriteAsync(new UTF8Encoding(false).GetBytes(html), ct).ConfigureAwait(false);
        if (ownsBatch) batch.Commit();
    }

    public ValueTask DisposeAsync()
    {
        if (ownsBatch) batch.Dispose();
        return ValueTask.CompletedTask;
    }

    internal RunReport BuildReport(ScanSummary summary)
    {
        RunComparison? comparison = null;
        string? note;
        if (Changes is null)
        {
            note = "Ingen jämförelse: körningen sparar inget tillstånd (--no-state), så det finns ingen förra körning att jämföra med. " +
                "Utan --no-state visar rapporten nya, flyttade och åtgärdade flaggor sedan förra fullständiga körningen.";
        }
        else
        {
            comparison = RunComparison.Of(Changes(), c => departments[map.Resolve(new SourceItem(c.Path, c.Path, null, c.LastModified)
            {
                WebUrl = c.WebUrl,
                LastModifiedBy = c.LastModifiedBy,
            })], MaxListed);
            note = summary.Complete ? null
                : "Den här körningen är ofullständig: filer som inte hann läsas behåller sin förra bedömning och räknas inte som borttagna; baslinjen flyttas inte förrän en körning är komplett.";
        }

        var health = new List<HealthMetric>();
        var seconds = Math.Max(0.001, summary.Duration.TotalSeconds);
        var sv = Swedish;
        if (FromState)
        {
            health.Add(new("Källa", "tillståndet: varje fils senaste bedömning, vilken nod som än gjorde den; inga filer lästes nu"));
        }
        else
        {
            health.Add(new("Start", Local(summary.StartedAt)));
            health.Add(new("Slut", Local(summary.FinishedAt)));
            health.Add(new("Tid", FormatDuration(summary.Duration)));
            health.Add(new("Filer per sekund", (summary.Files / seconds).ToString("N1", sv)));
            health.Add(new("MB per sekund", (summary.Bytes / 1048576.0 / seconds).ToString("N1", sv)));
            health.Add(new("Läst data", (summary.Bytes / 1048576.0).ToString("N1", sv) + " MB"));
        }
        var errors = summary.ByStatus.GetValueOrDefault(ScanStatus.Error.ToReportName());
        health.Add(new("Filer med läsfel", errors.ToString("N0", sv), errors > 0));
        health.Add(new("Komplett", summary.Complete ? "ja" : "NEJ: " + summary.IncompleteReason, !summary.Complete));
        var extra = ExtraHealth?.Invoke() ?? [];
        health.AddRange(extra);
        if (!FromState && !extra.Any(m => m.Label.StartsWith("Strypningar", StringComparison.OrdinalIgnoreCase)))
            health.Add(new("Strypningar (HTTP 429/503)", "– (mäts bara för Microsoft Graph-källan)"));

        // The batch knows what tonight's run stages (results.jsonl on its first night is not on disk yet).
        var related = RelatedFiles.Where(f => batch.WillExist(Path.Combine(outDir, f))).ToList();
        if (ChangesFile(summary.StartedAt) is { } c && !related.Contains(c)) related.Add(c);

        return new RunReport
        {
            Summary = summary,
            FromState = FromState,
            Departments = [.. departments.Values],
            Comparison = comparison,
            ComparisonNote = note,
            StateRecovered = StateRecovered,
            TopReasons = [.. reasons.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(10).Select(kv => new ReasonCount(kv.Key, kv.Value))],
            BlindSpots = blindSpots,
            Health = health,
            RelatedFiles = related,
            GeneratedAt = time.GetLocalNow(),
            Version = typeof(HtmlReportSink).Assembly.GetName().Version?.ToString(3) ?? "",
        };
    }

    /// <summary>changes.csv from a state-keeping source, when it was written by this run (an older one would mislead).</summary>
    private string? ChangesFile(DateTimeOffset runStarted)
    {
        var path = Path.Combine(outDir, "changes.csv");
        if (batch.Writes(path)) return "changes.csv";
        return File.Exists(path) && File.GetLastWriteTimeUtc(path) >= runStarted.UtcDateTime ? "changes.csv" : null;
    }

    /// <summary>Removes the classifier's confidence ("(klassificeraren 93 %)") so equal reasons are counted together.</summary>
    internal static string NormalizeReason(string reason) => Confidence().Replace(reason, "").Trim();

    [GeneratedRegex(@"\s*\([^()]*\d+\s*%\)")]
    private static partial Regex Confidence();

    internal static CultureInfo Swedish { get; } = CreateSwedish();

    private static CultureInfo CreateSwedish()
    {
        try { return CultureInfo.GetCultureInfo("sv-SE"); }
        catch (CultureNotFoundException) { return CultureInfo.InvariantCulture; }
    }

    internal static string Local(DateTimeOffset t) => t.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss (zzz)", CultureInfo.InvariantCulture);

    internal static string FormatDuration(TimeSpan d) =>
        d.TotalHours >= 1 ? $"{(int)d.TotalHours} h {d.Minutes} min" : d.TotalMinutes >= 1 ? $"{(int)d.TotalMinutes} min {d.Seconds} s" : $"{d.TotalSeconds:0.0} s".Replace('.', ',');
}
