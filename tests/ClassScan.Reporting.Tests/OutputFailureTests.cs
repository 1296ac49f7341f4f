using ClassScan.Core.Scanning;
using ClassScan.Reporting.Departments;
using ClassScan.Reporting.Html;
using ClassScan.Reporting.Json;
using ClassScan.TestSupport;

namespace ClassScan.Reporting.Tests;

/// <summary>
/// Tonight's reports fail halfway (disk full, folder read-only) through a <see cref="FailingDisk"/>: last night's
/// files must stay byte for byte, no temp file may remain, and the failure must surface for the run to name.
/// </summary>
public sealed class OutputFailureTests : IDisposable
{
    private readonly DirectoryInfo dir = Directory.CreateTempSubdirectory("classscan-outfail-");

    public void Dispose() => dir.Delete(recursive: true);

    private static readonly DepartmentMap LastNightsMap = new(
    [
        new DepartmentRule("Socialförvaltningen") { PathGlobs = ["Soc/**"] },
        new DepartmentRule("Kultur") { PathGlobs = ["Kultur/**"] },
    ]);

    // Kultur is no longer configured: a successful run removes its file, a failed one must not.
    private static readonly DepartmentMap TonightsMap = new([new DepartmentRule("Socialförvaltningen") { PathGlobs = ["Soc/**"] }]);

    private static IReadOnlyList<ScanResult> LastNight() =>
        [Results.Flagged("/g/Soc/a.docx"), Results.Flagged("/g/Kultur/b.docx"), Results.Clean("/g/Soc/c.docx"), Results.Blind("/g/Soc/d.xlsx")];

    // Enough rows that the CSV writer's 64 K buffer spills during WriteAsync, so a small disk fails mid-run.
    private static IReadOnlyList<ScanResult> Tonight() =>
        [.. Enumerable.Range(0, 1500).Select(i => i % 3 == 0 ? Results.Flagged($"/g/Soc/ny{i}.docx") : Results.Clean($"/g/Soc/ren{i}.docx"))];

    /// <summary>One night's reports, the way ReportComposition wires them: one batch, committed by the composite.</summary>
    private static async Task<(Exception? Failure, string Phase)> NightAsync(string outDir, DepartmentMap map, IReadOnlyList<ScanResult> results, FailingDisk? disk = null)
    {
        using var batch = new ReportBatch(disk is null ? null : disk.Create);
        var phase = "öppna";
        try
        {
            var html = new HtmlReportSink(outDir, map, batch: batch);
            await using var sink = new CompositeSink([new CsvReportSink(outDir, batch), new DepartmentReportSink(outDir, map, batch), new JsonLinesReportSink(outDir, batch), html], batch);
            phase = "skriva";
            foreach (var r in results) await sink.WriteAsync(r, default);
            phase = "slutföra";
            await sink.CompleteAsync(Results.Summary(results), default);
            return (null, "klar");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (ex, phase);
        }
    }

    private Dictionary<string, byte[]> Snapshot() =>
        Directory.EnumerateFiles(dir.FullName, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir.FullName, f), File.ReadAllBytes, StringComparer.Ordinal);

    private static void AssertSame(Dictionary<string, byte[]> before, Dictionary<string, byte[]> after)
    {
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal)); // no temp file left, nothing removed
        foreach (var (name, bytes) in before) Assert.True(bytes.AsSpan().SequenceEqual(after[name]), name + " changed");
    }

    /// <summary>What tonight's full set weighs, measured on a scratch folder with last night's files in it.</summary>
    private static async Task<long> TonightsBytesAsync()
    {
        var scratch = Directory.CreateTempSubdirectory("classscan-outfail-measure-");
        try
        {
            await NightAsync(scratch.FullName, LastNightsMap, LastNight());
            var disk = new FailingDisk();
            var (failure, _) = await NightAsync(scratch.FullName, TonightsMap, Tonight(), disk);
            Assert.Null(failure);
            return disk.Written;
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData(0.0, "skriva")]   // the first buffer spill of results.csv
    [InlineData(0.3, "skriva")]   // still while rows arrive
    [InlineData(0.9, "slutföra")] // the CSVs fit, a later report does not
    [InlineData(0.995, "slutföra")] // only the end of the last report is missing
    public async Task WriteAndComplete_DiskFillsPartWay_LastNightsReportsByteIdenticalAndNoTempFiles(double fraction, string expectedPhase)
    {
        Assert.Null((await NightAsync(dir.FullName, LastNightsMap, LastNight())).Failure);
        var before = Snapshot();
        Assert.Contains(Path.Combine(DepartmentReportSink.FolderName, DepartmentMap.FileNameFor("Kultur")), before.Keys);
        var disk = new FailingDisk(freeBytes: (long)(await TonightsBytesAsync() * fraction));

        var (failure, phase) = await NightAsync(dir.FullName, TonightsMap, Tonight(), disk);

        var io = Assert.IsType<IOException>(failure);
        Assert.Equal(FailingDisk.Enospc, io.HResult);
        Assert.Equal(expectedPhase, phase);
        Assert.True(disk.Failures > 0);
        AssertSame(before, Snapshot());
    }

    [Fact]
    public async Task WriteAndComplete_EnoughSpace_ReplacesEveryReportAndRemovesStaleDepartmentFile()
    {
        Assert.Null((await NightAsync(dir.FullName, LastNightsMap, LastNight())).Failure);
        var before = Snapshot();
        Assert.Contains(Path.Combine(DepartmentReportSink.FolderName, DepartmentMap.FileNameFor("Kultur")), before.Keys);
        // Slack: rapport.html carries the time it was made, so two renderings may differ by a few bytes.
        var disk = new FailingDisk(freeBytes: await TonightsBytesAsync() + 64 * 1024);

        var (failure, _) = await NightAsync(dir.FullName, TonightsMap, Tonight(), disk);

        Assert.Null(failure);
        var after = Snapshot();
        Assert.DoesNotContain(Path.Combine(DepartmentReportSink.FolderName, DepartmentMap.FileNameFor("Kultur")), after.Keys);
        Assert.DoesNotContain(after.Keys, k => k.EndsWith(".tmp", StringComparison.Ordinal));
        foreach (var name in new[] { "results.csv", "flagged.csv", "review.csv", "summary.json", HtmlReportSink.FileName, JsonLinesReportSink.FileName })
            Assert.False(before[name].AsSpan().SequenceEqual(after[name]), name + " was not replaced");
    }

    [Theory]
    [InlineData(1)] // results.csv opened, flagged.csv is refused: the CSV sink cannot even be created
    [InlineData(4)] // all streaming files open; summary.json is refused at completion
    [InlineData(5)] // the first department file is refused
    [InlineData(7)] // only rapport.html is refused (after socialförvaltningen.csv and okänd.csv)
    public async Task WriteAndComplete_FolderTurnsReadOnly_LastNightsReportsByteIdenticalAndNoTempFiles(int opensAllowed)
    {
        Assert.Null((await NightAsync(dir.FullName, LastNightsMap, LastNight())).Failure);
        var before = Snapshot();
        var disk = new FailingDisk(opensAllowed: opensAllowed);

        var (failure, _) = await NightAsync(dir.FullName, TonightsMap, Tonight(), disk);

        Assert.Equal(FailingDisk.Erofs, Assert.IsType<IOException>(failure).HResult);
        Assert.Equal(1, disk.Failures);
        AssertSame(before, Snapshot());
    }

    [Fact]
    public async Task WriteAndComplete_PermissionWithdrawn_LastNightsReportsByteIdentical()
    {
        Assert.Null((await NightAsync(dir.FullName, LastNightsMap, LastNight())).Failure);
        var before = Snapshot();
        var disk = new FailingDisk(opensAllowed: 4, openFailure: path => new UnauthorizedAccessException($"Access to the path '{path}' is denied."));

        var (failure, _) = await NightAsync(dir.FullName, TonightsMap, Tonight(), disk);

        Assert.IsType<UnauthorizedAccessException>(failure);
        AssertSame(before, Snapshot());
    }
}
