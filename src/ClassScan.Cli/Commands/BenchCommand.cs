using System.CommandLine;
using System.Diagnostics;
using ClassScan.Core.Scanning;
using ClassScan.Extraction.Isolation;
using ClassScan.Pipeline;
using ClassScan.Sources.FileSystem;

namespace ClassScan.Cli.Commands;

/// <summary>
/// <c>classscan bench PATH...</c>: end-to-end throughput on a fixed corpus. Runs the real pipeline with a sink
/// that only counts (so disk writes of the report do not blur the figure) and prints files/s, input MB/s,
/// extracted-text MB/s, CPU time, time per stage and peak memory of the scanner and its worker processes together.
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Folders or files to scan (together they are one corpus).", Arity = ArgumentArity.ZeroOrMore };
        var filesFrom = new Option<string?>("--files-from") { Description = "Also scan the files listed in FILE (one path per line, or NUL-separated as from find -print0)." };
        var repeat = new Option<int>("--repeat", "-k") { Description = "Scan the corpus k times in one run (memory at k× size).", DefaultValueFactory = _ => 1 };
        var parallelism = new Option<int>("--parallelism", "-p") { Description = "Workers for the CPU stages.", DefaultValueFactory = _ => new Configuration.ScanSettings().Parallelism };
        var exclude = new Option<string[]>("--exclude") { Description = "Globs to leave out (e.g. the decompression bomb, which measures timeouts, not throughput)." };
        var timeout = new Option<int>("--timeout") { Description = "Per-file timeout in seconds.", DefaultValueFactory = _ => new Configuration.ScanSettings().TimeoutSeconds };
        var inProcess = new Option<bool>("--in-process") { Description = "Parsers in the scanner process instead of worker processes." };
        var command = new Command("bench", "Measure end-to-end throughput and peak memory of a scan over fixed folders (no report written).")
        {
            paths, filesFrom, repeat, parallelism, exclude, timeout, inProcess,
        };
        var model = new ModelOptions();
        model.AddTo(command);
        command.SetAction(async (parse, _) =>
        {
            var roots = parse.GetValue(paths) ?? [];
            var listed = new List<string>();
            if (parse.GetValue(filesFrom) is { } list)
            {
                if (!File.Exists(list)) { Console.Error.WriteLine($"classscan: hittar inte fillistan '{list}'."); return ExitCodes.UsageError; }
                var text = await File.ReadAllTextAsync(list).ConfigureAwait(false);
                listed.AddRange(text.Split(text.Contains('\0', StringComparison.Ordinal) ? '\0' : '\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }
            if (roots.Length == 0 && listed.Count == 0) { Console.Error.WriteLine("classscan: ange minst en mapp, fil eller --files-from."); return ExitCodes.UsageError; }
            foreach (var r in roots.Concat(listed))
            {
                if (!Directory.Exists(r) && !File.Exists(r)) { Console.Error.WriteLine($"classscan: hittar inte '{r}'."); return ExitCodes.UsageError; }
            }
            var (classifier, error) = model.Load(parse);
            if (error is not null) { Console.Error.WriteLine("classscan: " + error); return ExitCodes.UsageError; }
            using var loaded = classifier;
            var k = Math.Max(1, parse.GetValue(repeat));
            var p = Math.Max(1, parse.GetValue(parallelism));
            var excludes = parse.GetValue(exclude);
            var sources = Enumerable.Range(0, k).SelectMany(_ => roots.Concat(listed).Select(r => (IDocumentSource)new LocalFolderSource(r, null, excludes))).ToList();
            var options = new ScanOptions { Parallelism = p, FetchParallelism = p, FileTimeout = TimeSpan.FromSeconds(parse.GetValue(timeout)) };
            var progress = new ScanProgress();
            var (analyzer, workers) = ScanComposition.CreateAnalyzer(TimeProvider.System, progress, !parse.GetValue(inProcess), classifier);
            var pool = workers as IsolatedExtractorSelector;
            var sink = new CountingSink();

            // Peak memory of the whole scan: the scanner and its live worker processes together, sampled.
            long peakTotal = 0;
            using var sampling = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
                do
                {
                    var now = PeakMemory.ResidentBytes() + (pool?.WorkersResidentBytes() ?? 0);
                    if (now > peakTotal) peakTotal = now;
                }
                while (await timer.WaitForNextTickAsync(sampling.Token).ConfigureAwait(false));
            });
            var cpuBefore = PeakMemory.CpuTimeWithChildren();
            var clock = Stopwatch.StartNew();
            ScanSummary summary;
            try
            {
                summary = await new ScanPipeline(new ConcatenatedSource(sources), analyzer, options, TimeProvider.System, progress)
                    .RunAsync(sink, CancellationToken.None).ConfigureAwait(false);
            }
            finally
            {
                await sampling.CancelAsync().ConfigureAwait(false);
                try { await sampler.ConfigureAwait(false); } catch (OperationCanceledException) { }
                workers?.Dispose(); // the workers exit and are waited for: their CPU time now counts as ours
            }
            var s = clock.Elapsed.TotalSeconds;
            var cpu = (PeakMemory.CpuTimeWithChildren() - cpuBefore).TotalSeconds;
            var mb = summary.Bytes / 1048576.0;
            var textMb = summary.ExtractedChars * 2 / 1048576.0;
            var mainPeak = PeakMemory.WorkingSetMegabytes();
            var peakMb = Math.Max(peakTotal / 1048576.0, mainPeak);
            var label = string.Join(", ", roots) + (listed.Count > 0 ? $"{(roots.Length > 0 ? ", " : "")}{listed.Count} listed files" : "");
            Console.WriteLine($"corpus: {label} ×{k}, parallelism {p}, {Environment.ProcessorCount} cores, parsers {(pool is null ? "in-process" : "in worker processes")}");
            Console.WriteLine($"files          {summary.Files,12:N0}");
            Console.WriteLine($"input MB       {mb,12:N1}");
            Console.WriteLine($"wall s         {s,12:N2}");
            Console.WriteLine($"cpu s          {cpu,12:N2}   (user+system, scanner and workers)");
            Console.WriteLine($"files/s        {summary.Files / s,12:N1}");
            Console.WriteLine($"input MB/s     {mb / s,12:N2}");
            Console.WriteLine($"text MB/s      {textMb / s,12:N2}   (UTF-16 chars extracted ×2 bytes)");
            Console.WriteLine($"input MB/cpu-s {mb / Math.Max(cpu, 0.01),12:N2}   (throughput per CPU second: steadier than wall time on a busy machine)");
            Console.WriteLine($"stage s (sum over workers): fetch {progress.FetchTime.TotalSeconds:N2}, extract {progress.ExtractTime.TotalSeconds:N2}, detect {progress.DetectTime.TotalSeconds:N2}, classify {progress.ClassifyTime.TotalSeconds:N2}, report {progress.ReportTime.TotalSeconds:N2}");
            Console.WriteLine($"peak memory MB {peakMb,12:N0}   (scanner + live workers, sampled every 50 ms)");
            if (pool is not null)
                Console.WriteLine($"  scanner VmHWM {mainPeak:N0} MB; worker VmHWM max {pool.WorkerPeakMaxBytes / 1048576.0:N0} MB, sum {pool.WorkerPeakSumBytes / 1048576.0:N0} MB over {pool.WorkersStarted} worker processes");
            Console.WriteLine($"statuses: {string.Join(", ", summary.ByStatus.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key} {kv.Value}"))}");
            Console.WriteLine($"slowest: {string.Join(", ", sink.Slowest.Select(x => $"{Path.GetFileName(x.Path)} {x.Ms} ms"))}");
            // One line for scripts (benchmarks/*.sh): key=value, invariant culture.
            Console.WriteLine(FormattableString.Invariant(
                $"result: files={summary.Files} bytes={summary.Bytes} text_chars={summary.ExtractedChars} wall_s={s:F3} cpu_s={cpu:F3} peak_mb={peakMb:F1} parallelism={p} repeat={k} extract_s={progress.ExtractTime.TotalSeconds:F3} detect_s={progress.DetectTime.TotalSeconds:F3} classify_s={progress.ClassifyTime.TotalSeconds:F3} fetch_s={progress.FetchTime.TotalSeconds:F3}"));
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
