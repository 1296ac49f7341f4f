using ClassScan.TestSupport;
using System.Diagnostics;

namespace ClassScan.Cli.Tests;

/// <summary>
/// A named pipe in a scanned folder, through the real binary with its default 15-minute fetch timeout: the
/// scan once sat on the pipe for the whole timeout. It must finish in seconds with a row for the pipe.
/// </summary>
public sealed class NonRegularFileScanTests : IDisposable
{
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("classscan-nf-cli-");

    public void Dispose() => work.Delete(recursive: true);

    [LinuxFact]
    public async Task Scan_FolderWithNamedPipe_FinishesQuicklyWithUnsupportedRowForThePipe()
    {
        var input = Directory.CreateDirectory(Path.Combine(work.FullName, "in")).FullName;
        File.WriteAllText(Path.Combine(input, "veckobrev.txt"), "Hej föräldrar! På fredag är det friluftsdag.");
        using (var mkfifo = Process.Start("mkfifo", [Path.Combine(input, "rör")]))
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }
        var output = Path.Combine(work.FullName, "out");
        var clock = Stopwatch.StartNew();

        var run = await CliRunner.RunAsync("scan", input, "--out", output, "--parallelism", "2");

        // Process start and the model load take a few seconds; the pipe must add nothing near the fetch timeout.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}");
        Assert.Equal(0, run.ExitCode);
        var rows = ReportReader.Read(Path.Combine(output, "results.csv"));
        Assert.Equal(2, rows.Count);
        var pipe = Assert.Single(rows, r => r["path"].EndsWith("rör", StringComparison.Ordinal));
        Assert.Equal("unsupported", pipe["status"]);
        Assert.Contains("inte en vanlig fil (named pipe)", pipe["reason"]);
        Assert.Equal("ok", Assert.Single(rows, r => r["path"].EndsWith("veckobrev.txt", StringComparison.Ordinal))["status"]);
    }
}
