using BenchmarkDotNet.Running;

// All benchmarks, short job (about 2-4 minutes), results exported as GitHub markdown and CSV:
//   dotnet run -c Release --project benchmarks/ClassScan.Benchmarks -- --filter '*' --job short \
//       --exporters GitHub CSV --artifacts benchmarks/results
// One class:  --filter '*DetectorBenchmarks*'    Full accuracy: leave out --job short.
// benchmarks/run-micro.sh does the above and copies the tables to benchmarks/results/.
// pdfdump OUTDIR DIR...: per-file PDF text and CPU time, for comparing two builds (see PdfCorpusDump).
if (args.Length > 1 && args[0] == "pdfdump") return PdfCorpusDump.Run(args[1..]);
// OOXML extraction beside its inflate floor, and a text dump for before/after diffs: see OoxmlFloor.
if (ClassScan.Benchmarks.OoxmlFloor.Handles(args)) return ClassScan.Benchmarks.OoxmlFloor.Run(args);
// state-store [N] [PAGE] [CONNSTRING]: a state engine's verdicts, lookups and marks per second, SQLite beside PostgreSQL.
if (ClassScan.Benchmarks.StateStoreThroughput.Handles(args)) return ClassScan.Benchmarks.StateStoreThroughput.Run(args, path => ClassScan.State.Sqlite.SqliteStateStore.Open(path));
// Every detector over a cached corpus (CPU per pass, findings for before/after diffs): see DetectorCorpus.
if (ClassScan.Benchmarks.DetectorCorpus.Handles(args)) return ClassScan.Benchmarks.DetectorCorpus.Run(args);
// PdfPig's floor (open, fonts, content-stream parse, no text) beside our PDF extraction: see PdfFloor.
if (ClassScan.Benchmarks.PdfFloor.Handles(args)) return ClassScan.Benchmarks.PdfFloor.Run(args);
// What a span search for digits costs in this build (JIT-compiled or ReadyToRun): see SpanSearchCost.
if (ClassScan.Benchmarks.SpanSearchCost.Handles(args)) return ClassScan.Benchmarks.SpanSearchCost.Run();
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;

public partial class Program;
