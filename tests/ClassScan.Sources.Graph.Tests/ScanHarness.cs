using ClassScan.Core.Classification;
using ClassScan.Core.Scanning;
using ClassScan.Pipeline;
using ClassScan.Reporting;
using ClassScan.Sources.Graph.Tests.Fakes;
using ClassScan.State;
using ClassScan.State.Sqlite;
using ClassScan.TestSupport.Fakes;

namespace ClassScan.Sources.Graph.Tests;

/// <summary>Runs one real scan (pipeline, state, CSV reports) against the fake Graph server or a local folder.</summary>
internal static class ScanHarness
{
    public sealed record Outcome(ScanSummary Summary, IReadOnlyList<ScanResult> Results, IReadOnlyList<FlagChange> Changes, RunRecord Run);

    /// <summary>Fast retries for tests; Retry-After from the server is still obeyed as sent.</summary>
    public static GraphRetryOptions FastRetry { get; } = new() { BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(200) };

    public static Task<Outcome> GraphAsync(FakeGraphServer server, string work, GraphScanTargets targets,
        GraphRetryOptions? retry = null, CancellationToken stop = default, CancellationToken abort = default, Action<ScanRun>? onRun = null) =>
        RunAsync(work, "graph", (run) =>
        {
            var connection = GraphConnection.Create(new GraphConnectionOptions
            {
                BaseUrl = new Uri(server.BaseUrl),
                Organisation = "Testkommun",
                MaxConcurrency = 4,
                Retry = retry ?? FastRetry,
                DownloadIdleTimeout = TimeSpan.FromSeconds(5),
            }, GraphAuth.FromStaticToken(FakeGraphServer.Token, new Uri(server.BaseUrl)), run.Counters);
            return (new GraphDriveSource(connection, targets, run.Store, run.Store, run.Store, new ChangeFilter(run.Store, run)), connection);
        }, stop, abort, onRun);

    public static Task<Outcome> LocalAsync(string root, string work) =>
        RunAsync(work, "local", run => (new IncrementalSource(new Sources.FileSystem.LocalFolderSource(root), new ChangeFilter(run.Store, run), run.Store, "local:" + root), null), default, default, null);

    private static async Task<Outcome> RunAsync(string work, string kind, Func<ScanRun, (IDocumentSource, IDisposable?)> createSource,
        CancellationToken stop, CancellationToken abort, Action<ScanRun>? onRun)
    {
        var outDir = Path.Combine(work, "out");
        using var store = SqliteStateStore.Open(Path.Combine(outDir, "classscan-state.db"));
        var run = new ScanRun(store, kind, null);
        onRun?.Invoke(run);
        var (source, owned) = createSource(run);
        using var _ = owned;
        var progress = new ScanProgress();
        var analyzer = new DocumentAnalyzer(new ScriptedExtractor(), [new KeywordDetector()], new ClassScan.Policy.KlassaRuleEngine(), progress);
        var pipeline = new ScanPipeline(source, analyzer, new ScanOptions { Parallelism = 2, FetchParallelism = 4 }, TimeProvider.System, progress);
        // As the scan command composes it: the reports see masked names and report ids, the state the full paths.
        var redaction = new ReportRedaction(new ClassScan.Detection.Personnummer.IdentityNumberRedactor(TimeProvider.System), store.ReportIds);
        await using var csv = new RedactingSink(new CsvReportSink(outDir), redaction);
        var collecting = new CollectingSink(csv);
        var sink = new VerdictRecorder(collecting, store, run, (changes, _) => ChangesCsvWriter.WriteAsync(outDir, changes, redaction));
        var summary = await pipeline.RunAsync(sink, stop, abort);
        return new Outcome(summary, collecting.Results.ToList(), sink.Changes, store.GetRuns(1).Single());
    }
}
