using ClassScan.TestSupport;

namespace ClassScan.Cli.Tests;

/// <summary>
/// Scans the labelled dev corpus end to end and checks the product's first promises: one row per file,
/// pnr_count equal to the label for ≥ 98 % of files, never a count on a file labelled 0, nothing leaked.
/// </summary>
[Trait("Category", SharedData.Category)]
public sealed class DevCorpusScanTests : IDisposable
{
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("classscan-dev-");

    public void Dispose() => work.Delete(recursive: true);

    [SharedFact]
    public async Task Scan_DevCorpus_PnrCountsMatchLabels()
    {
        var corpus = SharedData.Path("corpus", "dev");
        var labels = File.ReadLines(Path.Combine(corpus, "labels.csv")).Skip(1)
            .Select(l => l.Split(','))
            .ToDictionary(c => c[0], c => int.Parse(c[4], System.Globalization.CultureInfo.InvariantCulture));

        var run = await CliRunner.RunAsync("scan", corpus, "--out", work.FullName, "--include", "train/**", "--include", "test/**");

        Assert.Contains(run.ExitCode, new[] { 0, 1 });
        var rows = ReportReader.Read(Path.Combine(work.FullName, "results.csv"));
        Assert.Equal(labels.Count, rows.Count);
        int agree = 0, falseCounts = 0;
        var misses = new List<string>();
        foreach (var row in rows)
        {
            var rel = Path.GetRelativePath(corpus, row["path"]).Replace('\\', '/');
            var expected = labels[rel];
            var actual = int.Parse(row["pnr_count"], System.Globalization.CultureInfo.InvariantCulture);
            if (actual == expected) agree++;
            else misses.Add($"{rel}: expected {expected}, got {actual} ({row["status"]})");
            if (expected == 0 && actual != 0) falseCounts++;
        }
        var share = agree / (double)rows.Count;
        Assert.True(share >= 0.98, $"pnr_count agrees on {share:P1}; misses:\n{string.Join('\n', misses)}");
        Assert.True(falseCounts == 0, $"{falseCounts} files labelled 0 got a count:\n{string.Join('\n', misses)}");
        OutputPrivacy.AssertFolderClean(work.FullName);
        OutputPrivacy.AssertNoFullPersonnummer("stdout", run.StdOut);
    }
}
