using ClassScan.TestSupport;
using ClassScan.TestSupport.Postgres;
using Microsoft.Data.Sqlite;

namespace ClassScan.Cli.Tests;

/// <summary>
/// <c>classscan report</c> through the real binary: a scan with state, then the tenant-wide reports written from that
/// state alone into another folder. The verdicts are the scan's; evidence is not in the state.
/// </summary>
public sealed class ReportCommandTests : IDisposable
{
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("classscan-report-");
    private readonly Lazy<PostgresDatabase> database = new(PostgresDatabase.Create);

    public void Dispose()
    {
        if (database.IsValueCreated) database.Value.Dispose();
        work.Delete(recursive: true);
    }

    private string ScanOut => Path.Combine(work.FullName, "scan");
    private string ReportOut => Path.Combine(work.FullName, "report");
    private string State => Path.Combine(work.FullName, "state", "classscan-state.db");
    private static string Samples => Path.Combine(SharedData.RepoRoot, "tests", "samples");

    private static List<Dictionary<string, string>> Rows(string dir, string file) => ReportReader.Read(Path.Combine(dir, file));

    /// <summary>What a verdict is, without what only a scan that read the file knows (evidence, timings, extractor).</summary>
    private static List<string> Verdicts(string dir, string file) =>
        [.. Rows(dir, file).Select(r => string.Join(" | ", r["id"], r["path"], r["status"], r["level"], r["must_leave"], r["reason"], r["rule"])).Order(StringComparer.Ordinal)];

    private static List<string> Review(string dir) =>
        [.. Rows(dir, "review.csv").Select(r => string.Join(" | ", r["id"], r["path"], r["status"], r["reason"], r["action"])).Order(StringComparer.Ordinal)];

    private async Task ScanSamplesAsync(string? state = null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(State)!);
        var scan = await CliRunner.RunAsync("scan", Samples, "--out", ScanOut, "--state", state ?? State, "--config", ReviewOutput.SampleMapping, "--no-model", "--in-process");
        Assert.True(scan.ExitCode == 1, scan.StdErr);
    }

    [Fact]
    public async Task Report_AfterScanWithState_SameFlaggedRowsAndLevelsAsTheScan() => await AssertReportMatchesScanAsync(State);

    [PostgresFact]
    [Trait("Category", PostgresAvailability.Category)]
    public async Task Report_AfterScanWithPostgresState_SameFlaggedRowsAndLevelsAsTheScan() => await AssertReportMatchesScanAsync(database.Value.ConnectionString);

    private async Task AssertReportMatchesScanAsync(string state)
    {
        await ScanSamplesAsync(state);

        var report = await CliRunner.RunAsync("report", "--state", state, "--out", ReportOut, "--config", ReviewOutput.SampleMapping);

        Assert.True(report.ExitCode == 1, report.StdErr);
        Assert.Equal(Verdicts(ScanOut, "flagged.csv"), Verdicts(ReportOut, "flagged.csv"));
        Assert.NotEmpty(Rows(ReportOut, "flagged.csv"));
        Assert.Equal(Verdicts(ScanOut, "results.csv"), Verdicts(ReportOut, "results.csv"));
        Assert.Equal(Review(ScanOut), Review(ReportOut));
        Assert.NotEmpty(Review(ReportOut));
        // Evidence stays with the scan that read the file: the report says the verdict was made earlier.
        Assert.All(Rows(ReportOut, "results.csv"), r => Assert.Equal("", r["evidence"]));
        Assert.All(Rows(ReportOut, "results.csv"), r => Assert.Equal("tidigare bedömd", r["extractor"]));
        Assert.Contains(Rows(ScanOut, "flagged.csv"), r => r["evidence"] != "");
        foreach (var file in Directory.GetFiles(Path.Combine(ScanOut, "forvaltningar")))
        {
            var name = Path.GetFileName(file);
            Assert.Equal(ReportReader.Read(file).Select(r => (r["Fil"], r["Nivå"], r["Id"])).Order(), Rows(Path.Combine(ReportOut, "forvaltningar"), name).Select(r => (r["Fil"], r["Nivå"], r["Id"])).Order());
        }
        Assert.True(File.Exists(Path.Combine(ReportOut, "summary.json")));
        Assert.True(File.Exists(Path.Combine(ReportOut, "results.jsonl"))); // the configuration asks for jsonl, as for scan
        // The scan accepted its baseline: every flag is still flagged, in changes.csv and on the page.
        var changes = Rows(ReportOut, "changes.csv");
        Assert.Equal(Rows(ScanOut, "flagged.csv").Count, changes.Count);
        Assert.All(changes, c => Assert.Equal("still-flagged", c["change"]));
        var page = ReviewOutput.AssertRapport(ReportOut).Root!.Value;
        Assert.Contains("Skapad ur tillståndet", page);
        Assert.Contains("Nya flaggor (0)", page);
        Assert.Contains("Socialförvaltningen", page);
        Assert.False(File.Exists(Path.Combine(ReportOut, "classscan-state.db")));
        OutputPrivacy.AssertFolderClean(ReportOut);
        OutputPrivacy.AssertNoFullPersonnummer("stdout", report.StdOut);
    }

    /// <summary>Puts the baseline back to before the first run was accepted, as a run that was interrupted leaves it.</summary>
    private void ForgetBaseline()
    {
        using var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = State, Pooling = false }.ToString());
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = "UPDATE items SET reported_flagged = 0, reported_path = NULL, reported_level = NULL";
        Assert.True(cmd.ExecuteNonQuery() > 0);
    }

    [Fact]
    public async Task Report_WithoutAccept_LeavesTheBaselineSoTheNextReportShowsTheSameChanges()
    {
        await ScanSamplesAsync();
        ForgetBaseline();

        var first = await CliRunner.RunAsync("report", "--state", State, "--out", ReportOut);
        var firstChanges = Rows(ReportOut, "changes.csv").Select(c => c["change"] + " " + c["id"]).ToList();
        var second = await CliRunner.RunAsync("report", "--state", State, "--out", ReportOut);

        Assert.True(first.ExitCode == 1, first.StdErr);
        Assert.True(second.ExitCode == 1, second.StdErr);
        Assert.NotEmpty(firstChanges);
        Assert.All(firstChanges, c => Assert.StartsWith("newly-flagged ", c));
        Assert.Equal(firstChanges, Rows(ReportOut, "changes.csv").Select(c => c["change"] + " " + c["id"]));
    }

    [Fact]
    public async Task Report_AcceptChanges_ShowsTheChangesOnceThenTheyAreTheBaseline()
    {
        await ScanSamplesAsync();
        ForgetBaseline();

        var accepting = await CliRunner.RunAsync("report", "--state", State, "--out", ReportOut, "--accept-changes");
        var accepted = Rows(ReportOut, "changes.csv");
        var next = await CliRunner.RunAsync("report", "--state", State, "--out", ReportOut);

        Assert.True(accepting.ExitCode == 1, accepting.StdErr);
        Assert.Contains("Baslinjen flyttad", accepting.StdOut);
        Assert.All(accepted, c => Assert.Equal("newly-flagged", c["change"]));
        Assert.True(next.ExitCode == 1, next.StdErr);
        var after = Rows(ReportOut, "changes.csv");
        Assert.Equal(accepted.Select(c => c["id"]).Order(), after.Select(c => c["id"]).Order());
        Assert.All(after, c => Assert.Equal("still-flagged", c["change"]));
    }

    [Fact]
    public async Task Report_NoStateFile_UsageErrorAndNoStateCreated()
    {
        var run = await CliRunner.RunAsync("report", "--state", State, "--out", ReportOut);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("inget tillstånd", run.StdErr);
        Assert.False(File.Exists(State));
        Assert.False(File.Exists(Path.Combine(ReportOut, "results.csv")));
    }
}
