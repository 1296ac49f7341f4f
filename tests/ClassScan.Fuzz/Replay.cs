using System.Diagnostics;

namespace ClassScan.Fuzz;

/// <summary>
/// Runs saved inputs (a crash the fuzzer found, or a whole corpus) through a target without instrumentation,
/// printing each outcome: to reproduce and debug a finding, and to check a fix. Exit code 1 if any input
/// ended with an undocumented exception.
/// </summary>
internal static class Replay
{
    public static int Run(Action<ReadOnlySpan<byte>> target, IEnumerable<string> paths)
    {
        var files = paths.SelectMany(p => Directory.Exists(p) ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories) : [p]).ToList();
        var failures = 0;
        foreach (var file in files)
        {
            var clock = Stopwatch.StartNew();
            try
            {
                target(File.ReadAllBytes(file));
                Console.WriteLine($"ok     {clock.ElapsedMilliseconds,6} ms  {file}");
            }
            catch (Exception ex)
            {
                failures++;
                Console.WriteLine($"CRASH  {clock.ElapsedMilliseconds,6} ms  {file}\n{ex}");
            }
        }
        Console.WriteLine($"{files.Count} inputs, {failures} crashes");
        return failures == 0 ? 0 : 1;
    }
}
