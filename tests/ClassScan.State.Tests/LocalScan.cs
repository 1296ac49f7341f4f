using ClassScan.Core.Scanning;
using ClassScan.Pipeline;
using ClassScan.Sources.FileSystem;
using ClassScan.State.Sqlite;
using ClassScan.TestSupport.Fakes;

namespace ClassScan.State.Tests;

/// <summary>
/// One scan of a local folder through the state: the change filter (<see cref="IncrementalSource"/>) before fetch,
/// the verdict recorder (<see cref="VerdictRecorder"/>) after judging, the state file in <c>work/out</c>. The
/// pipeline only drives it; the word PNR stands in for a personnummer (<see cref="KeywordDetector"/>).
/// </summary>
internal static class LocalScan
{
    public sealed record Outcome(ScanSummary Summary, IReadOnlyList<ScanResult> Results, IReadOnlyList<FlagChange> Changes, RunRecord Run);

    public static async Task<Outcome> RunAsync(string root, string work)
    {
        using var store = SqliteStateStore.Open(Path.Combine(work, "out", "classscan-state.db"));
        var run = new ScanRun(store, "local", null);
        var source = new IncrementalSource(new LocalFolderSource(root), new ChangeFilter(store, run), store, "local:" + root);
        var progress = new ScanProgress();
        var analyzer = new DocumentAnalyzer(new ScriptedExtractor(), [new KeywordDetector()], new ClassScan.Policy.KlassaRuleEngine(), progress);
        var pipeline = new ScanPipeline(source, analyzer, new ScanOptions { Parallelism = 2, FetchParallelism = 4 }, TimeProvider.System, progress);
        var collecting = new CollectingSink();
        var sink = new VerdictRecorder(collecting, store, run);
        var summary = await pipeline.RunAsync(sink, CancellationToken.None);
        return new Outcome(summary, collecting.Results.ToList(), sink.Changes, store.GetRuns(1).Single());
    }
}
