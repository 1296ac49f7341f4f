using BenchmarkDotNet.Running;

// All benchmarks, short job (about 2-4 minutes), results exported as GitHub markdown and CSV:
//   dotnet run -c Release --project benchmarks/ClassScan.Benchmarks -- --filter '*' --job short \
//       --exporters GitHub CSV --artifacts benchmarks/results
// One class:  --filter '*DetectorBenchmarks*'    Full accuracy: leave out --job short.
// benchmarks/run-micro.sh does the above and copies the tables to benchmarks/results/.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

public partial class Program;
