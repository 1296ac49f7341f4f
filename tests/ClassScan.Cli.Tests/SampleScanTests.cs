using ClassScan.TestSupport;

namespace ClassScan.Cli.Tests;

/// <summary>
/// Golden test of the README's first command: scanning the bundled samples (one per format and level) gives the
/// verdicts in tests/samples.expected.csv, and the reports leak nothing. Needs no ../shared.
/// </summary>
public sealed class SampleScanTests : IDisposable
{
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("classscan-samples-");

    public void Dispose() => work.Delete(recursive: true);

    [Fact]
    public async Task Scan_BundledSamples_MatchExpectedVerdicts()
    {
        var samples = Path.Combine(SharedData.RepoRoot, "tests", "samples");
        var expected = File.ReadLines(Path.Combine(SharedData.RepoRoot, "tests", "samples.expected.csv")).Skip(1)
            .Where(l => l.Length > 0).Select(l => l.Split(';')).ToDictionary(c => c[0], c => (Status: c[1], Level: c[2]));

        var run = await CliRunner.RunAsync("scan", samples, "--out", work.FullName);

        Assert.Equal(1, run.ExitCode);
        var rows = ReportReader.Read(Path.Combine(work.FullName, "results.csv"));
        Assert.Equal(expected.Count, rows.Count);
        var wrong = new List<string>();
        foreach (var row in rows)
        {
            var (status, level) = expected[Path.GetFileName(row["path"])];
            var levelOk = level.Length == 0 ? row["level"].Length == 0 : level.Split('|').Contains(row["level"]);
            if (row["status"] != status || !levelOk)
                wrong.Add($"{Path.GetFileName(row["path"])}: expected {status}/{level}, got {row["status"]}/{row["level"]} ({row["reason"]})");
            if (row["level"] is "2" or "3") Assert.False(string.IsNullOrWhiteSpace(row["evidence"]), $"{row["path"]} is flagged without evidence");
        }
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
        Assert.Single(ReportReader.Read(Path.Combine(work.FullName, "review.csv")));
        OutputPrivacy.AssertFolderClean(work.FullName);
    }
}
