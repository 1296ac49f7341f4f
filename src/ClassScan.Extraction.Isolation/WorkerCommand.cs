namespace ClassScan.Extraction.Isolation;

/// <summary>How to start a worker process: the program and its arguments (e.g. classscan extract-worker).</summary>
/// <param name="FileName">Program to run.</param>
/// <param name="Arguments">Arguments, passed without shell interpretation.</param>
/// <param name="MemoryLimitBytes">Hard GC heap limit of each worker (decompression bombs end there, not in the scanner).</param>
public sealed record WorkerCommand(string FileName, IReadOnlyList<string> Arguments, long MemoryLimitBytes = 1536L * 1024 * 1024);
