using System.Diagnostics;

namespace ClassScan.Cli.Tests;

/// <summary>Runs the real classscan binary (built beside the tests) as a child process.</summary>
internal static class CliRunner
{
    public sealed record Run(int ExitCode, string StdOut, string StdErr);

    public static async Task<Run> RunAsync(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "classscan.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["CLASSSCAN_NO_PROGRESS"] = "1";
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await p.WaitForExitAsync(cts.Token);
        return new Run(p.ExitCode, await stdout, await stderr);
    }
}
