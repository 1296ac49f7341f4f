using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ClassScan.TestSupport;

namespace ClassScan.Cli.Tests.OutputFailure;

/// <summary>
/// The output folder fails during or before a nightly run, through the real binary: the run ends with exit code 3
/// and the cause in Swedish, last night's reports stay byte for byte, no temp file is left, nothing crashes.
/// The real disk-full and read-only cases mount a small tmpfs (<see cref="SmallDiskFactAttribute"/>).
/// </summary>
public sealed class OutputFailureScanTests : IDisposable
{
    private static readonly string Samples = Path.Combine(SharedData.RepoRoot, "tests", "samples");

    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("classscan-outfail-cli-");

    public void Dispose() => work.Delete(recursive: true);

    // Last night's reports: everything a morning reader opens (the state, lock and log files are not reports).
    private static Dictionary<string, byte[]> Reports(string outDir) =>
        Directory.EnumerateFiles(outDir, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith(".classscan.lock", StringComparison.Ordinal)
                && !Path.GetFileName(f).StartsWith("classscan-state.db", StringComparison.Ordinal)
                && !Path.GetRelativePath(outDir, f).StartsWith("logg", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(outDir, f), File.ReadAllBytes, StringComparer.Ordinal);

    private static void AssertIntact(Dictionary<string, byte[]> before, string outDir)
    {
        var after = Reports(outDir);
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal)); // no *.tmp left, nothing removed
        foreach (var (name, bytes) in before) Assert.True(bytes.AsSpan().SequenceEqual(after[name]), name + " changed");
        Assert.Contains("results.csv", before.Keys);
        Assert.Contains("rapport.html", before.Keys);
    }

    private static void AssertNoCrash(CliRunner.Run run)
    {
        Assert.DoesNotContain("Unhandled exception", run.StdOut + run.StdErr);
        Assert.DoesNotContain("   at ", run.StdOut + run.StdErr);
    }

    private string ConfigWithLogFolder(string logFolder)
    {
        var path = Path.Combine(work.FullName, "appsettings.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new { Log = new { Folder = logFolder } }));
        return path;
    }

    [Fact]
    public async Task Scan_OutputPathUnderARegularFile_ExitsIncompleteNamingCause()
    {
        File.WriteAllText(Path.Combine(work.FullName, "fil"), "ingen mapp");
        var outDir = Path.Combine(work.FullName, "fil", "ut");

        var withState = await CliRunner.RunAsync("scan", Samples, "--out", outDir, "--no-model", "--in-process");
        var withoutState = await CliRunner.RunAsync("scan", Samples, "--out", outDir, "--no-model", "--in-process", "--no-state");

        Assert.Equal(ExitCodes.Incomplete, withState.ExitCode);
        Assert.Contains("tillståndsfilen", withState.StdErr);
        Assert.Contains("kan inte skrivas: skrivfel i tillståndsfilens mapp", withState.StdErr);
        Assert.Equal(ExitCodes.Incomplete, withoutState.ExitCode);
        Assert.Contains("kan inte skrivas: skrivfel i utdatamappen", withoutState.StdErr);
        AssertNoCrash(withState);
        AssertNoCrash(withoutState);
    }

    [SmallDiskFact]
    public async Task Scan_DiskAlreadyFullWithoutState_KeepsLastNightsReportsAndNamesCauseInConsoleAndLog()
    {
        using var disk = new SmallDisk(8);
        var outDir = Path.Combine(disk.Root, "ut");
        var logs = Path.Combine(work.FullName, "logg");
        var config = ConfigWithLogFolder(logs);
        Assert.Equal(ExitCodes.FilesMustLeave, (await CliRunner.RunAsync("scan", Samples, "--out", outDir, "--no-model", "--in-process", "--no-state", "--config", config)).ExitCode);
        var before = Reports(outDir);
        Assert.True(disk.Fill() > 0);

        var run = await CliRunner.RunAsync("scan", Samples, "--out", outDir, "--no-model", "--in-process", "--no-state", "--config", config);

        Assert.Equal(ExitCodes.Incomplete, run.ExitCode);
        const string Reason = "rapporten kunde inte skrivas: utdatamappen är full (No space left on device)";
        Assert.Contains("OFULLSTÄNDIG", run.StdOut);
        Assert.Contains("Skannen avbröts: " + Reason, run.StdOut);
        Assert.Contains("Inga rapporter skrevs: förra körningens rapporter", run.StdOut);
        Assert.Contains(Reason, run.StdErr); // the console logger's error line
        Assert.Contains(Reason, string.Concat(Directory.EnumerateFiles(logs).Select(File.ReadAllText)));
        AssertNoCrash(run);
        AssertIntact(before, outDir);
    }

    [SmallDiskFact]
    public async Task Scan_DiskFillsMidRunWithStateInOutputFolder_KeepsReportsAndStateUsable()
    {
        var input = Path.Combine(work.FullName, "in");
        for (var i = 0; i < 800; i++)
        {
            var dir = Path.Combine(input, "mapp" + (i % 10).ToString(CultureInfo.InvariantCulture));
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, $"protokoll{i.ToString(CultureInfo.InvariantCulture)}.txt"),
                string.Concat(Enumerable.Repeat($"Protokoll {i}. Nämnden beslutade att bifalla förslaget om ett nytt bibliotek. ", 150)));
        }
        using var disk = new SmallDisk(16);
        var outDir = Path.Combine(disk.Root, "ut");
        Assert.Equal(ExitCodes.FilesMustLeave, (await CliRunner.RunAsync("scan", Samples, "--out", outDir, "--no-model", "--in-process")).ExitCode);
        var before = Reports(outDir);

        var run = await RunFillingAsync(disk, outDir, "scan", input, "--out", outDir, "--no-model", "--in-process", "--parallelism", "1");

        Assert.Equal(ExitCodes.Incomplete, run.ExitCode);
        Assert.Contains("OFULLSTÄNDIG", run.StdOut);
        Assert.Contains("är full", run.StdOut); // the state or a report, whichever the kernel refused first
        Assert.Contains("Inga rapporter skrevs", run.StdOut);
        AssertNoCrash(run);
        AssertIntact(before, outDir);

        // Space again: the state opens, passes SQLite's integrity check and the next run completes.
        File.Delete(Path.Combine(disk.Root, ".filler"));
        var next = await CliRunner.RunAsync("scan", input, "--out", outDir, "--no-model", "--in-process");
        Assert.Equal(ExitCodes.NothingToMove, next.ExitCode);
        Assert.Contains("Klar:", next.StdOut);
        Assert.DoesNotContain("skadad", next.StdErr);
    }

    [SmallDiskFact]
    public async Task Scan_FolderRemountedReadOnly_ExitsIncompleteNamingCauseWithAndWithoutState()
    {
        using var disk = new SmallDisk(8);
        var outDir = Path.Combine(disk.Root, "ut");
        Assert.Equal(ExitCodes.FilesMustLeave, (await CliRunner.RunAsync("scan", Samples, "--out", outDir, "--no-model", "--in-process")).ExitCode);
        var before = Reports(outDir);
        disk.MakeReadOnly();

        var withState = await CliRunner.RunAsync("scan", Samples, "--out", outDir, "--no-model", "--in-process");
        var withoutState = await CliRunner.RunAsync("scan", Samples, "--out", outDir, "--no-model", "--in-process", "--no-state");

        Assert.Equal(ExitCodes.Incomplete, withState.ExitCode);
        Assert.Contains("tillståndsfilens mapp är skrivskyddad (Read-only file system)", withState.StdErr);
        Assert.Equal(ExitCodes.Incomplete, withoutState.ExitCode);
        Assert.Contains("utdatamappen är skrivskyddad (Read-only file system)", withoutState.StdErr);
        Assert.DoesNotContain("en annan körning", withoutState.StdErr); // not mistaken for a held lock
        AssertNoCrash(withState);
        AssertNoCrash(withoutState);
        AssertIntact(before, outDir);
    }

    /// <summary>Starts a scan and fills the disk once its reports are being written (their temp files exist).</summary>
    private static async Task<CliRunner.Run> RunFillingAsync(SmallDisk disk, string outDir, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "classscan.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["CLASSSCAN_NO_PROGRESS"] = "1";
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        var clock = Stopwatch.StartNew();
        while (!Directory.EnumerateFiles(outDir, "results.csv.*.tmp").Any())
        {
            if (p.HasExited) Assert.Fail("the scan ended before its reports were under way: " + await stdout + await stderr);
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), "no report temp file appeared");
            await Task.Delay(20);
        }
        await Task.Delay(500); // some verdicts reach the state before the disk fills
        Assert.False(p.HasExited, "the scan was done before the disk could be filled; give it more files");
        disk.Fill();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await p.WaitForExitAsync(cts.Token);
        return new CliRunner.Run(p.ExitCode, await stdout, await stderr);
    }
}
