using System.Diagnostics;

namespace ClassScan.Cli.Tests;

/// <summary>Runs the real classscan binary (built beside the tests) as a child process.</summary>
internal static class CliRunner
{
    public sealed record Run(int ExitCode, string StdOut, string StdErr);

    /// <summary>Runs as the user "nobody" when the tests run as root, so that file permissions apply to the scan.</summary>
    public const bool Unprivileged = true;

    public static Task<Run> RunAsync(params string[] args) => RunAsync(false, args);

    public static async Task<Run> RunAsync(bool unprivileged, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "classscan.dll");
        var dropRoot = unprivileged && Environment.UserName == "root";
        var psi = new ProcessStartInfo(dropRoot ? "setpriv" : "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (dropRoot && !OperatingSystem.IsWindows())
        {
            foreach (var a in new[] { "--reuid=65534", "--regid=65534", "--clear-groups", "--", "dotnet" }) psi.ArgumentList.Add(a);
            // dotnet writes its first-run marker under HOME; nobody's is not writable.
            var home = Directory.CreateTempSubdirectory("classscan-nobody-").FullName;
            File.SetUnixFileMode(home, (UnixFileMode)Convert.ToInt32("777", 8));
            psi.Environment["HOME"] = home;
            psi.Environment["DOTNET_CLI_HOME"] = home;
            psi.Environment["DOTNET_NOLOGO"] = "1";
        }
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
