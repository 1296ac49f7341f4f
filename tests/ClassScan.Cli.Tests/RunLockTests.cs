using ClassScan.TestSupport;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace ClassScan.Cli.Tests;

/// <summary>Two runs never share an output folder: the second is refused with exit code 4 and writes nothing.</summary>
public sealed class RunLockTests : IDisposable
{
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("classscan-lock-");

    public void Dispose() => work.Delete(recursive: true);

    private string Out => Path.Combine(work.FullName, "out");

    [Fact]
    public void TryAcquire_WhileHeld_RefusedWithHolder_ThenFreeAfterDispose()
    {
        using (var first = RunLock.TryAcquire(Out, out _))
        {
            Assert.NotNull(first);
            Assert.Null(RunLock.TryAcquire(Out, out var holder));
            Assert.Contains($"pid {Environment.ProcessId}", holder);
        }
        using var again = RunLock.TryAcquire(Out, out _);
        Assert.NotNull(again);
    }

    [Fact]
    public async Task Scan_OutputFolderHeldByAnotherProcess_ExitsFourAndWritesNothing()
    {
        var input = Path.Combine(work.FullName, "in");
        Directory.CreateDirectory(input);
        File.WriteAllText(Path.Combine(input, "a.txt"), "Elsa Berg 19121212-1212");
        using var held = RunLock.TryAcquire(Out, out _);

        var run = await CliRunner.RunAsync("scan", input, "--out", Out, "--no-model");

        Assert.Equal(ExitCodes.AlreadyRunning, run.ExitCode);
        Assert.Contains("en annan körning använder redan utmappen", run.StdErr);
        Assert.Contains($"pid {Environment.ProcessId}", run.StdErr);
        foreach (var report in new[] { "results.csv", "flagged.csv", "summary.json", "rapport.html", "forvaltningar", "logg" })
            Assert.False(Path.Exists(Path.Combine(Out, report)), $"{report} was written by a refused run");
    }

    /// <summary>
    /// Two real scans: the first is stopped (SIGSTOP) as soon as it has taken the lock and continued afterwards,
    /// so the overlap is certain rather than a race; a second run is refused while the first goes on, whether it
    /// keeps state or not (the state database has its own lock, which a stateful second run would meet first).
    /// A named pipe no longer holds a scan (it becomes an unsupported row without being opened), so the hold is
    /// the signal; the many files only keep the first run busy for the moment between taking the lock and the stop.
    /// </summary>
    [LinuxFact] // SIGSTOP/SIGCONT; the lock itself is covered above on every OS
    public async Task Scan_TwoOverlappingRuns_SecondRefusedFirstCompletes()
    {
        var input = Path.Combine(work.FullName, "in");
        Directory.CreateDirectory(input);
        const int files = 2000;
        for (var i = 0; i < files; i++) File.WriteAllText(Path.Combine(input, $"brev{i:D4}.txt"), "Hej");

        using var first = Start("scan", input, "--out", Out, "--no-model", "--in-process", "--parallelism", "1", "--no-state");
        try
        {
            var owner = Path.Combine(Out, RunLock.OwnerFileName);
            var deadline = Stopwatch.StartNew();
            while (!(File.Exists(owner) && File.ReadAllText(owner).Contains($"pid {first.Id} ", StringComparison.Ordinal)))
            {
                Assert.False(first.HasExited, "the first run ended before it took the lock");
                Assert.True(deadline.Elapsed < TimeSpan.FromMinutes(2), "the first run never took the lock");
                await Task.Delay(10);
            }
            Assert.Equal(0, Kill(first.Id, SigStop));

            var second = await CliRunner.RunAsync("scan", input, "--out", Out, "--no-model", "--no-state");
            var stateful = await CliRunner.RunAsync("scan", input, "--out", Out, "--no-model");

            Assert.Equal(ExitCodes.AlreadyRunning, second.ExitCode);
            Assert.Contains($"pid {first.Id}", second.StdErr);
            Assert.Equal(ExitCodes.AlreadyRunning, stateful.ExitCode);
            Assert.False(first.HasExited);

            // Release the first run: it goes on, finishes and writes its reports.
            Assert.Equal(0, Kill(first.Id, SigCont));
            await first.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token);
            Assert.Equal(ExitCodes.NothingToMove, first.ExitCode);
            Assert.Equal(files, ReportReader.Read(Path.Combine(Out, "results.csv")).Count);
        }
        finally
        {
            if (!first.HasExited)
            {
                Kill(first.Id, SigCont);
                first.Kill(entireProcessTree: true);
            }
        }
    }

    private static Process Start(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "classscan.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["CLASSSCAN_NO_PROGRESS"] = "1";
        var p = Process.Start(psi)!;
        p.OutputDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        return p;
    }

    private const int SigCont = 18; // Linux values
    private const int SigStop = 19;

    // DllImport rather than LibraryImport: the generated marshalling would need unsafe code enabled for one test.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    [Fact]
    public void RemoveLeftovers_HalfWrittenReportsOfAKilledRun_DeletedOthersKept()
    {
        Directory.CreateDirectory(Path.Combine(Out, "forvaltningar"));
        var leftovers = new[] { "results.csv.4242.tmp", "summary.json.4242.tmp", "rapport.html.17.tmp", Path.Combine("forvaltningar", "okänd.csv.4242.tmp") };
        var kept = new[] { "results.csv", "anteckning.tmp", "results.csv.tmp", Path.Combine("forvaltningar", "Skola.csv") };
        foreach (var f in leftovers.Concat(kept)) File.WriteAllText(Path.Combine(Out, f), "x");

        using var held = RunLock.TryAcquire(Out, out _);
        var removed = held!.RemoveLeftovers();

        Assert.Equal(leftovers.Length, removed);
        Assert.All(leftovers, f => Assert.False(File.Exists(Path.Combine(Out, f)), f));
        Assert.All(kept, f => Assert.True(File.Exists(Path.Combine(Out, f)), f));
    }
}
