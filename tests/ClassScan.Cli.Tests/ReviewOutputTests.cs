using ClassScan.TestSupport;

namespace ClassScan.Cli.Tests;

/// <summary>
/// The reviewers' outputs end to end through the real binary: a scan with a department mapping writes forvaltningar/*.csv,
/// rapport.html and results.jsonl, and a second run in the same folder compares with the first.
/// </summary>
public sealed class ReviewOutputTests : IDisposable
{
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("classscan-review-");

    public void Dispose() => work.Delete(recursive: true);

    private string Out => Path.Combine(work.FullName, "out");

    /// <summary>The sample mapping's rules, restated for the bundled sample file names.</summary>
    private static string SampleDepartment(string path) => Path.GetFileName(path) switch
    {
        var n when n.Contains("klasslista") || n.Contains("elevhalsa") => "Barn- och utbildningsförvaltningen",
        var n when n.Contains("anstallningsavtal") || n.Contains("lonelista") || n.Contains("personalmote") => "Kommunstyrelseförvaltningen",
        var n when n.Contains("orosanmalan") => "Socialförvaltningen",
        _ => "okänd",
    };

    [Fact]
    public async Task Scan_SamplesWithMapping_WritesDepartmentCsvsRapportAndJsonl()
    {
        var samples = Path.Combine(SharedData.RepoRoot, "tests", "samples");

        var run = await CliRunner.RunAsync("scan", samples, "--out", Out, "--config", ReviewOutput.SampleMapping);

        Assert.True(run.ExitCode == 1, run.StdErr);
        Assert.Equal(
            ["Barn- och utbildningsförvaltningen.csv", "Kommunstyrelseförvaltningen.csv", "Socialförvaltningen.csv", "okänd.csv"],
            Directory.GetFiles(Path.Combine(Out, "forvaltningar")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        ReviewOutput.AssertDepartmentFiles(Out, SampleDepartment);
        var soc = Assert.Single(ReportReader.Read(Path.Combine(Out, "forvaltningar", "Socialförvaltningen.csv")));
        Assert.EndsWith("10-orosanmalan.docx", soc["Fil"]);
        Assert.StartsWith("3", soc["Nivå"]);
        Assert.Contains("OSL", soc["Varför"]);

        var rapport = ReviewOutput.AssertRapport(Out);
        var text = rapport.Root!.Value;
        foreach (var d in new[] { "Barn- och utbildningsförvaltningen", "Kommunstyrelseförvaltningen", "Socialförvaltningen", "okänd" })
            Assert.Contains(d, text);
        // The first night with a state: every flag is new against an empty baseline, in changes.csv and on the page alike.
        var newly = ReportReader.Read(Path.Combine(Out, "changes.csv")).Count(c => c["change"] == "newly-flagged");
        Assert.True(newly > 0);
        Assert.Contains($"Nya flaggor ({newly})", text);
        Assert.Contains("13-skannat-protokoll.pdf", text); // the blind spot is listed by name

        ReviewOutput.AssertJsonLines(Out);
        Assert.True(File.Exists(Path.Combine(Out, "logg", "classscan.jsonl")));
        Assert.Contains("\"EventId\":{\"Id\":3,\"Name\":\"RunFinished\"}", File.ReadAllText(Path.Combine(Out, "logg", "classscan.jsonl")));
        OutputPrivacy.AssertFolderClean(Out);
        OutputPrivacy.AssertNoFullPersonnummer("stderr", run.StdErr);
    }

    [Fact]
    public async Task Scan_SecondRunSameFolder_RapportComparesAndJsonlOnlyWhenAsked()
    {
        var input = Path.Combine(work.FullName, "in");
        Directory.CreateDirectory(input);
        File.WriteAllText(Path.Combine(input, "elevlista.txt"), "Elevlista\nElsa Berg 19121212-1212\n");
        File.WriteAllText(Path.Combine(input, "veckobrev.txt"), "Hej! På fredag är det friluftsdag.");
        var first = await CliRunner.RunAsync("scan", input, "--out", Out, "--no-model");
        Assert.Equal(1, first.ExitCode);
        Assert.False(File.Exists(Path.Combine(Out, "results.jsonl"))); // csv only unless asked

        File.Delete(Path.Combine(input, "elevlista.txt"));
        File.WriteAllText(Path.Combine(input, "lonelista.txt"), "Lön för Oskar Lind 121212+1212\n");
        var second = await CliRunner.RunAsync("scan", input, "--out", Out, "--no-model", "--format", "jsonl");

        Assert.Equal(1, second.ExitCode);
        var text = ReviewOutput.AssertRapport(Out).Root!.Value;
        Assert.Contains("Jämfört med senaste fullständiga körningen", text);
        Assert.Contains("Nya flaggor (1)", text);
        Assert.Contains("Inte längre flaggade (1)", text);
        ReviewOutput.AssertJsonLines(Out);
        ReviewOutput.AssertDepartmentFiles(Out, _ => "okänd");
        OutputPrivacy.AssertFolderClean(Out);
    }

    [Fact]
    public async Task Scan_SecondNightNothingChanged_ListsStillCompleteAndNothingResolved()
    {
        var samples = Path.Combine(SharedData.RepoRoot, "tests", "samples");
        var first = await CliRunner.RunAsync("scan", samples, "--out", Out, "--config", ReviewOutput.SampleMapping, "--no-model");
        var firstLists = Directory.GetFiles(Path.Combine(Out, "forvaltningar")).Order().Select(f => ReportReader.Read(f).Select(r => r["Fil"]).ToList()).ToList();

        // The state (default) lets the second run skip every unchanged file; the reports must not lose them.
        var second = await CliRunner.RunAsync("scan", samples, "--out", Out, "--config", ReviewOutput.SampleMapping, "--no-model");

        Assert.Equal(first.ExitCode, second.ExitCode);
        var secondLists = Directory.GetFiles(Path.Combine(Out, "forvaltningar")).Order().Select(f => ReportReader.Read(f).Select(r => r["Fil"]).ToList()).ToList();
        Assert.Equal(firstLists, secondLists);
        Assert.NotEmpty(secondLists.SelectMany(l => l));
        var text = ReviewOutput.AssertRapport(Out).Root!.Value;
        Assert.Contains("Nya flaggor (0)", text);
        Assert.Contains("Inte längre flaggade (0)", text);
        Assert.Equal(Directory.GetFiles(samples).Length, ReportReader.Read(Path.Combine(Out, "results.csv")).Count);
    }

    [Fact]
    public async Task Scan_FormatUnknown_UsageError()
    {
        var run = await CliRunner.RunAsync("scan", "--out", Out, "--format", "xml");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
    }

    [SharedFact]
    [Trait("Category", SharedData.Category)]
    public async Task Scan_DevCorpusWithMapping_WritesDepartmentCsvsRapportAndJsonl()
    {
        var corpus = SharedData.Path("corpus", "dev");

        var run = await CliRunner.RunAsync("scan", corpus, "--out", Out, "--config", ReviewOutput.SampleMapping,
            "--include", "train/**", "--include", "test/**");

        Assert.True(run.ExitCode is 0 or 1, run.StdErr);
        ReviewOutput.AssertDepartmentFiles(Out, path =>
        {
            var p = path.Replace('\\', '/');
            if (p.Contains("/dev/test/", StringComparison.Ordinal)) return "Barn- och utbildningsförvaltningen";
            if (p.Contains("/dev/train/", StringComparison.Ordinal)) return p.EndsWith(".xlsx", StringComparison.Ordinal) ? "Kommunstyrelseförvaltningen" : "Socialförvaltningen";
            return "okänd";
        });
        Assert.NotEmpty(ReportReader.Read(Path.Combine(Out, "forvaltningar", "Socialförvaltningen.csv")));
        ReviewOutput.AssertRapport(Out);
        ReviewOutput.AssertJsonLines(Out);
        OutputPrivacy.AssertFolderClean(Out);
    }
}
