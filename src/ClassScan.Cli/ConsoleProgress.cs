using ClassScan.Pipeline;
using Spectre.Console;

namespace ClassScan.Cli;

/// <summary>
/// A progress bar on stderr (files done/total, MB/s) while the scan runs, only when stderr is a terminal:
/// logs and CI output stay clean. It reads the pipeline's counters; it never sees file content.
/// </summary>
internal static class ConsoleProgress
{
    public static async Task<T> RunAsync<T>(ScanProgress progress, Func<Task<T>> scan)
    {
        if (Console.IsErrorRedirected || Environment.GetEnvironmentVariable("CLASSSCAN_NO_PROGRESS") == "1")
            return await scan().ConfigureAwait(false);

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        T result = default!;
        await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask("Skannar", maxValue: 1);
                var clock = System.Diagnostics.Stopwatch.StartNew();
                var work = scan();
                while (!work.IsCompleted)
                {
                    await Task.WhenAny(work, Task.Delay(250)).ConfigureAwait(false);
                    var total = Math.Max(1, progress.Enumerated);
                    var mbps = progress.BytesRead / 1048576.0 / Math.Max(0.001, clock.Elapsed.TotalSeconds);
                    task.MaxValue = total;
                    task.Value = progress.Completed;
                    task.Description = $"{progress.Completed}/{(progress.EnumerationFinished ? total.ToString() : total + "+")} filer, {mbps:0.0} MB/s";
                }
                result = await work.ConfigureAwait(false);
            }).ConfigureAwait(false);
        return result;
    }
}
