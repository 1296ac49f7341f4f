using System.CommandLine;
using System.Runtime.InteropServices;
using ClassScan.Extraction;
using ClassScan.Extraction.Isolation;

namespace ClassScan.Cli.Commands;

/// <summary>
/// <c>classscan extract-worker</c> (hidden): the extraction worker process the scanner starts itself.
/// Speaks a binary protocol on stdin/stdout; anything a library prints goes to stderr instead.
/// </summary>
internal static class ExtractWorkerCommand
{
    public static Command Create()
    {
        var command = new Command("extract-worker", "Internal: extraction worker process (started by scan).") { Hidden = true };
        command.SetAction(_ =>
        {
            // Ctrl+C in a terminal signals the whole process group, workers included. The scanner decides
            // what an interrupt means (the first lets files in flight finish), so a worker must not die of
            // it: it ends when the scanner closes its stdin or kills it.
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => context.Cancel = true);
            var stdin = Console.OpenStandardInput();
            var stdout = Console.OpenStandardOutput();
            Console.SetOut(Console.Error); // keep the protocol stream clean
            return ExtractionWorker.Run(stdin, stdout, new ExtractorSelector().Named);
        });
        return command;
    }

    /// <summary>The command line that starts a worker from this very program (apphost or dotnet + dll).</summary>
    public static WorkerCommand Self()
    {
        var processPath = Environment.ProcessPath ?? "dotnet";
        var entry = typeof(ExtractWorkerCommand).Assembly.Location;
        var isHost = Path.GetFileNameWithoutExtension(processPath).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
        return isHost
            ? new WorkerCommand(processPath, [entry, "extract-worker"])
            : new WorkerCommand(processPath, ["extract-worker"]);
    }
}
