using ClassScan.TestSupport;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace ClassScan.Cli.Tests;

/// <summary>
/// Interrupting a running scan the way people and service managers do: Ctrl+C in a terminal (SIGINT to the
/// whole process group, extraction workers included), Ctrl+C twice, and SIGTERM. Each must end with exit
/// code 3 and a complete, readable report marked incomplete, no temp file left and no worker left running.
/// The scan runs in its own session (setsid) so the signal reaches its group and not the test host; SIGINT
/// is reset to its default first because a shell that starts the tests in the background ignores it, and
/// an ignored SIGINT stays ignored across exec.
/// </summary>
public sealed class InterruptTests(InterruptFolder folder) : IClassFixture<InterruptFolder>, IDisposable
{
    private static readonly TimeSpan ExitWithin = TimeSpan.FromSeconds(60);

    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("classscan-int-");

    public void Dispose() => work.Delete(recursive: true);

    [LinuxFact]
    public async Task Scan_CtrlCInTerminal_FinishesFilesInFlightAndWritesIncompleteReport()
    {
        var rows = await InterruptAsync(["-INT"]);

        // Files in flight finished: a worker killed by the terminal's SIGINT would show up as an error row.
        Assert.All(rows, r => Assert.True(r["status"] == "ok", $"{r["path"]}: {r["status"]} {r["reason"]}"));
    }

    [LinuxFact]
    public async Task Scan_CtrlCTwice_AbandonsFilesInFlightAndWritesIncompleteReport()
    {
        await InterruptAsync(["-INT", "-INT"]);
    }

    [LinuxFact]
    public async Task Scan_Sigterm_WritesIncompleteReportInsteadOfDying()
    {
        await InterruptAsync(["-TERM"]);
    }

    /// <summary>Starts a scan, sends the signals to its process group once it is under way, checks the aftermath.</summary>
    private async Task<List<Dictionary<string, string>>> InterruptAsync(string[] signals)
    {
        var output = Path.Combine(work.FullName, "out");
        var tempBefore = TempLeftovers();
        var psi = new ProcessStartInfo("setsid") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "env", "--default-signal=INT", "dotnet", Path.Combine(AppContext.BaseDirectory, "classscan.dll"),
                     "scan", folder.Input, "--out", output, "--parallelism", "2" })
            psi.ArgumentList.Add(a);
        psi.Environment["CLASSSCAN_NO_PROGRESS"] = "1";
        using var scan = Process.Start(psi)!;
        var stdout = scan.StandardOutput.ReadToEndAsync();
        var stderr = scan.StandardError.ReadToEndAsync();

        var workers = await UnderWayAsync(scan, output);
        Assert.False(scan.HasExited, "the scan ended before it could be interrupted");
        foreach (var signal in signals)
        {
            // A scan that already ended on the first signal has no group left to signal: that is not a failure.
            if (scan.HasExited) break;
            using var kill = Process.Start("kill", [signal, "--", "-" + scan.Id.ToString(CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
            Assert.True(kill.ExitCode == 0 || scan.HasExited, $"kill {signal} failed with exit code {kill.ExitCode}");
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }

        using (var cts = new CancellationTokenSource(ExitWithin))
        {
            try
            {
                await scan.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                scan.Kill(entireProcessTree: true);
                Assert.Fail($"the scan did not exit within {ExitWithin.TotalSeconds:0} s of {string.Join(' ', signals)}");
            }
        }
        var err = await stderr;
        Assert.True(scan.ExitCode == ExitCodes.Incomplete, $"exit {scan.ExitCode}\n{await stdout}\n{err}");

        var rows = ReportReader.Read(Path.Combine(output, "results.csv"));
        Assert.NotEmpty(rows);
        Assert.True(rows.Count < InterruptFolder.Files, "every file was scanned: the interrupt came too late to test anything");
        _ = ReportReader.Read(Path.Combine(output, "flagged.csv"));
        Assert.Equal(rows.Count(r => r["status"] != "ok"), ReportReader.Read(Path.Combine(output, "review.csv")).Count);
        using (var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "summary.json"))))
        {
            Assert.False(summary.RootElement.GetProperty("complete").GetBoolean());
            Assert.False(string.IsNullOrWhiteSpace(summary.RootElement.GetProperty("incomplete_reason").GetString()));
            Assert.Equal(rows.Count, summary.RootElement.GetProperty("files").GetInt32());
        }

        Assert.Empty(Directory.GetFiles(output, "*.tmp", SearchOption.AllDirectories));
        Assert.Empty(TempLeftovers().Except(tempBefore));
        await Task.Delay(TimeSpan.FromSeconds(1)); // a worker whose stdin closed needs a moment to exit
        Assert.All(workers, pid => Assert.False(IsRunning(pid), $"worker {pid} still running after the scan ended"));
        return rows;
    }

    /// <summary>
    /// Waits until the scan is under way: its extraction workers run and the report being written (results.csv.PID.tmp,
    /// flushed every 64 KB) has grown, so some files are done and most are still to come. Returns the worker ids.
    /// </summary>
    private static async Task<List<int>> UnderWayAsync(Process scan, string output)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60) && !scan.HasExited)
        {
            var workers = ChildrenOf(scan.Id).Where(pid => CommandLine(pid).Contains("extract-worker", StringComparison.Ordinal)).ToList();
            var written = Directory.Exists(output) && Directory.GetFiles(output, "results.csv.*.tmp").Any(f => new FileInfo(f).Length > 0);
            if (workers.Count > 0 && written) return workers;
            await Task.Delay(50);
        }
        if (scan.HasExited)
        {
            // A machine fast enough to finish the whole folder before the first poll would land here: say so.
            Assert.Fail($"the scan exited (code {scan.ExitCode}) after {deadline.Elapsed.TotalSeconds:0.0} s before it was seen under way; "
                + $"report rows so far: {(Directory.Exists(output) ? string.Join(", ", Directory.GetFiles(output).Select(Path.GetFileName)) : "no output folder")}");
        }
        Assert.Fail("the scan did not get under way within 60 s");
        return [];
    }

    private static IEnumerable<int> ChildrenOf(int parent)
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            string stat;
            try { stat = File.ReadAllText(Path.Combine(dir, "stat")); }
            catch (IOException) { continue; }
            catch (UnauthorizedAccessException) { continue; }
            // "pid (comm) state ppid ...": comm may hold spaces, so parse after the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            if (fields.Length > 1 && fields[1] == parent.ToString(CultureInfo.InvariantCulture)) yield return pid;
        }
    }

    private static string CommandLine(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' '); }
        catch (IOException) { return ""; }
        catch (UnauthorizedAccessException) { return ""; }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[stat.LastIndexOf(')') + 2] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Spool files the pipeline makes for non-seekable content (they delete themselves on close).</summary>
    private static HashSet<string> TempLeftovers() => [.. Directory.GetFiles(Path.GetTempPath(), "classscan-*.tmp")];
}
