using System.CommandLine;
using System.Diagnostics;
using ClassScan.Core.Scanning;
using ClassScan.Pipeline;
using ClassScan.Sources.FileSystem;

namespace ClassScan.Cli.Commands;

/// <summary>
/// <c>classscan bench PATH...</c>: end-to-end throughput on a fixed corpus. Runs the real pipeline with a sink
/// that only counts (so disk writes of the report do not blur the figure) and prints files/s, input MB/s,
/// extracted-text MB/s, time per stage and peak working set.
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Folders to scan (each is one corpus).", Arity = ArgumentArity.OneOrMore };
        var repeat = new Option<int>("--repeat", "-k") { Description = "Scan the corpus k times in one run (memory at k× size).", DefaultValueFactory = _ => 1 };
        var parallelism = new Option<int>("--parallelism", "-p") { Description = "Workers for the CPU stages.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var exclude = new Option<string[]>("--exclude") { Description = "Globs to leave out (e.g. the decompression bomb, which measures timeouts, not throughput)." };
        var timeout = new Option<int>("--timeout") { Description = "Per-file timeout in seconds.", DefaultValueFactory = _ => 60 };
        var inProcess = new Option<bool>("--in-process") { Description = "Parsers in the scanner process instead of worker processes." };
        var command = new Command("bench", "Measure end-to-end throughput and peak memory of a scan over fixed folders (no report written).")
        {
            paths, repeat, parallelism, exclude, timeout, inProcess,
        };
        var model = new ModelOptions();
        model.AddTo(command);
        command.SetAction(async (parse, _) =>
        {
            var (classifier, error) = model.Load(parse);
            if (error is not null) { Console.Error.WriteLine("classscan: " + error); return ExitCodes.UsageError; }
            using var loaded = classifier;
            var roots = parse.GetValue(paths)!;
            foreach (var r in roots)
            {
                if (!Directory.Exists(r)) { Console.Error.WriteLine($"classscan: hittar inte mappen '{r}'."); return ExitCodes.UsageError; }
            }
            var k = Math.Max(1, parse.GetValue(repeat));
            var p = Math.Max(1, parse.GetValue(parallelism));
            var sources = Enumerable.Range(0, k).SelectMany(_ => roots.Select(r => (IDocumentSource)new LocalFolderSource(r, null, parse.GetValue(exclude)))).ToList();
            var options = new ScanOptions { Parallelism = p, FetchParallelism = p, FileTimeout = TimeSpan.FromSeconds(parse.GetValue(timeout)) };
            var progress = new ScanProgress();
            var (analyzer, workers) = ScanComposition.CreateAnalyzer(TimeProvider.System, progress, !parse.GetValue(inProcess), classifier);
            using var workerPool = workers;
            var sink = new CountingSink();
            var clock = Stopwatch.StartNew();
            var summary = await new ScanPipeline(new ConcatenatedSource(sources), analyzer, options, TimeProvider.System, progress)
                .RunAsync(sink, CancellationToken.None).ConfigureAwait(false);
            var s = clock.Elapsed.TotalSeconds;
            var mb = summary.Bytes / 1048576.0;
            var textMb = summary.ExtractedChars * 2 / 1048576.0;
            Console.WriteLine($"corpus: {string.Join(", ", roots)} ×{k}, parallelism {p}, {Environment.ProcessorCount} cores");
            Console.WriteLine($"files          {summary.Files,12:N0}");
            Console.WriteLine($"input MB       {mb,12:N1}");
            Console.WriteLine($"wall s         {s,12:N2}");
            Console.WriteLine($"files/s        {summary.Files / s,12:N1}");
            Console.WriteLine($"input MB/s     {mb / s,12:N2}");
            Console.WriteLine($"text MB/s      {textMb / s,12:N2}   (UTF-16 chars extracted ×2 bytes)");
            Console.WriteLine($"stage s (sum over workers): fetch {progress.FetchTime.TotalSeconds:N2}, extract {progress.ExtractTime.TotalSeconds:N2}, detect {progress.DetectTime.TotalSeconds:N2}, classify {progress.ClassifyTime.TotalSeconds:N2}, report {progress.ReportTime.TotalSeconds:N2}");
            Console.WriteLine($"peak working set MB {PeakMemory.WorkingSetMegabytes(),8:N0}");
            Console.WriteLine($"statuses: {string.Join(", ", summary.ByStatus.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key} {kv.Value}"))}");
            Console.WriteLine($"slowest: {string.Join(", ", sink.Slowest.Select(x => $"{Path.GetFileName(x.Path)} {x.Ms} ms"))}");
            return ExitCodes.NothingToMove;
        });
        return command;
    }

    /// <summary>Counts results and remembers the five slowest files; writes nothing.</summary>
    private sealed class CountingSink : IScanResultSink
    {
        private readonly List<(string Path, long Ms)> slowest = [];
        public IEnumerable<(string Path, long Ms)> Slowest => slowest.OrderByDescending(x => x.Ms);

        public ValueTask WriteAsync(ScanResult result, CancellationToken ct)
        {
            var ms = (long)result.Elapsed.TotalMilliseconds;
            if (slowest.Count < 5) slowest.Add((result.Item.Path, ms));
            else
            {
                var min = slowest.MinBy(x => x.Ms);
                if (ms > min.Ms) { slowest.Remove(min); slowest.Add((result.Item.Path, ms)); }
            }
            return ValueTask.CompletedTask;
        }

        public ValueTask CompleteAsync(ScanSummary summary, CancellationToken ct) => ValueTask.CompletedTask;
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
