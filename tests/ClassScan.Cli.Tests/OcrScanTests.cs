using ClassScan.TestSupport;
using ClassScan.TestSupport.Ocr;

namespace ClassScan.Cli.Tests;

/// <summary>
/// The scan command on the golden scan (tests/ClassScan.Ocr.Tests/Golden: a PDF without a text layer and a PNG, both
/// holding the test number 19121212-1212): read by OCR when the programs are there, listed as "OCR saknas" when OCR
/// is off.
/// </summary>
public sealed class OcrScanTests : IDisposable
{
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("classscan-cli-ocr-");

    public void Dispose() => work.Delete(recursive: true);

    private string In => Path.Combine(work.FullName, "in");
    private string Out => Path.Combine(work.FullName, "out");

    private void CopyGolden()
    {
        Directory.CreateDirectory(In);
        var golden = Path.Combine(SharedData.RepoRoot, "tests", "ClassScan.Ocr.Tests", "Golden");
        File.Copy(Path.Combine(golden, "skannad.pdf"), Path.Combine(In, "skannad.pdf"));
        File.Copy(Path.Combine(golden, "skannad.png"), Path.Combine(In, "inskannat-brev.png"));
        File.WriteAllText(Path.Combine(In, "veckobrev.txt"), "Hej föräldrar! På fredag är det friluftsdag.");
    }

    [OcrFact]
    [Trait("Category", OcrAvailability.Category)]
    public async Task Scan_ScannedPdfAndImage_PersonnummerFoundByOcr()
    {
        CopyGolden();

        var run = await CliRunner.RunAsync("scan", In, "--out", Out, "--parallelism", "2", "--no-model");

        Assert.Equal(1, run.ExitCode);
        var rows = ReportReader.Read(Path.Combine(Out, "results.csv"));
        foreach (var name in new[] { "skannad.pdf", "inskannat-brev.png" })
        {
            var row = Assert.Single(rows, r => r["path"].EndsWith(name, StringComparison.Ordinal));
            Assert.Equal(["ok", "true", "1"], [row["status"], row["must_leave"], row["pnr_count"]]);
            Assert.Contains("sida 1 (OCR)", row["evidence"], StringComparison.Ordinal);
            Assert.Contains("19121212-****", row["evidence"], StringComparison.Ordinal);
        }
        Assert.Equal(2, ReportReader.Read(Path.Combine(Out, "flagged.csv")).Count);
        Assert.Contains("OCR: 2 sidor", run.StdOut, StringComparison.Ordinal);
        OutputPrivacy.AssertFolderClean(Out);
        OutputPrivacy.AssertNoFullPersonnummer("stdout", run.StdOut);
    }

    [Fact]
    public async Task Scan_OcrOff_ScannedFilesInReviewWithOcrSaknas()
    {
        CopyGolden();
        var config = Path.Combine(work.FullName, "appsettings.json");
        File.WriteAllText(config, """{ "Scan": { "Ocr": { "Enabled": "false" } } }""");

        var run = await CliRunner.RunAsync("scan", In, "--out", Out, "--config", config, "--no-model");

        Assert.Equal(0, run.ExitCode);
        var review = ReportReader.Read(Path.Combine(Out, "review.csv"));
        Assert.Equal(2, review.Count);
        Assert.All(review, r =>
        {
            Assert.Equal("no-text", r["status"]);
            Assert.StartsWith("OCR saknas (avstängt med Scan:Ocr:Enabled=false): inget textlager på 1 av 1 sidor", r["reason"], StringComparison.Ordinal);
        });
        Assert.DoesNotContain("OCR:", run.StdOut, StringComparison.Ordinal);
    }
}
