using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/ClassScan.Benchmarks -- --filter '*' --artifacts benchmarks/results
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

public partial class Program;
