using System.Text;

namespace ClassScan.Cli.Tests;

public sealed class ScanCommandTests : IDisposable
{
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("classscan-cli-");

    public void Dispose() => work.Delete(recursive: true);

    private string In(string name, string content, Encoding? encoding = null)
    {
        var path = Path.Combine(work.FullName, "in", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, encoding ?? new UTF8Encoding(false));
        return path;
    }

    private string Out => Path.Combine(work.FullName, "out");

    private List<string[]> Rows(string file) =>
        ReportReader.Read(Path.Combine(Out, file)).Select(r => r.Values.ToArray()).ToList();

    [Fact]
    public async Task Scan_FolderWithPersonnummer_ExitsOneAndWritesMaskedReports()
    {
        In("elevlista.txt", "Elevlista klass 3B\nElsa Berg, personnummer 19121212-1212\nOskar Lind 121212+1212\n");
        In("veckobrev.txt", "Hej föräldrar! På fredag är det friluftsdag.");
        In("Åtgärder/kund.csv", "kund;nummer\nAB;212000-0449\n", Encoding.Latin1);
        In("bild.png", "\u0089PNG");
        In("tom.txt", "");

        var run = await CliRunner.RunAsync("scan", Path.Combine(work.FullName, "in"), "--out", Out, "--parallelism", "2");

        Assert.Equal(1, run.ExitCode);
        var header = File.ReadLines(Path.Combine(Out, "results.csv")).First().TrimStart('\uFEFF');
        Assert.StartsWith("path;status;level;must_leave;reason;pnr_count;evidence;bytes;extractor;elapsed_ms", header);
        var rows = Rows("results.csv");
        Assert.Equal(5, rows.Count);
        var pupil = Assert.Single(rows, r => r[0].EndsWith("elevlista.txt", StringComparison.Ordinal));
        Assert.Equal(["ok", "2", "true"], pupil[1..4]);
        Assert.Equal("2", pupil[5]);
        Assert.Contains("19121212-****", pupil[6]);
        var letter = Assert.Single(rows, r => r[0].EndsWith("veckobrev.txt", StringComparison.Ordinal));
        Assert.Equal("false", letter[3]);
        var customer = Assert.Single(rows, r => r[0].EndsWith("kund.csv", StringComparison.Ordinal));
        Assert.Equal("0", customer[5]);
        // Named .png without an image's signature: a damaged image, not a page for OCR.
        Assert.Equal("error", Assert.Single(rows, r => r[0].EndsWith("bild.png", StringComparison.Ordinal))[1]);
        Assert.Equal("no-text", Assert.Single(rows, r => r[0].EndsWith("tom.txt", StringComparison.Ordinal))[1]);

        Assert.Single(Rows("flagged.csv"));
        Assert.Equal(2, Rows("review.csv").Count);
        OutputPrivacy.AssertFolderClean(Out);
        OutputPrivacy.AssertNoFullPersonnummer("stdout", run.StdOut);
        OutputPrivacy.AssertNoFullPersonnummer("stderr", run.StdErr);
    }

    [Fact]
    public async Task Scan_NothingSensitive_ExitsZero()
    {
        In("a.txt", "Kallelse till kommunstyrelsen. Organisationsnummer 212000-0449, bankgiro 5050-1055.");

        var run = await CliRunner.RunAsync("scan", Path.Combine(work.FullName, "in"), "--out", Out);

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(Rows("flagged.csv"));
    }

    [Fact]
    public async Task Scan_IncludeGlob_OnlyMatchingFilesReported()
    {
        In("a.txt", "x");
        In("sub/b.csv", "y");

        var run = await CliRunner.RunAsync("scan", Path.Combine(work.FullName, "in"), "--out", Out, "--include", "*.csv");

        Assert.Equal(0, run.ExitCode);
        Assert.EndsWith("b.csv", Assert.Single(Rows("results.csv"))[0]);
    }

    [Theory]
    [InlineData("scan", "/definitely/not/here")]
    [InlineData("scan", ".", "--parallelism", "0")]
    [InlineData("scan", ".", "--no-such-option")]
    [InlineData("frobnicate")]
    public async Task Scan_BadUsage_ExitsTwo(params string[] args)
    {
        var run = await CliRunner.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.NotEmpty(run.StdErr);
    }

    [Fact]
    public async Task Scan_ModelFileMissing_ExitsTwoBeforeScanning()
    {
        In("a.txt", "Elsa Berg, personnummer 19121212-1212");

        var run = await CliRunner.RunAsync("scan", Path.Combine(work.FullName, "in"), "--out", Out, "--model", Path.Combine(work.FullName, "none.zip"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("klassificeraren saknas", run.StdErr);
        Assert.False(File.Exists(Path.Combine(Out, "results.csv")));
    }

    [Fact]
    public async Task Scan_ModelUnreadable_ExitsTwoAndKeepsLastNightsReports()
    {
        // The model loads while the scan gets ready; a file that is no model must still stop it before any file is
        // read and before a report replaces last night's.
        In("a.txt", "Elsa Berg, personnummer 19121212-1212");
        var model = Path.Combine(work.FullName, "broken.zip");
        File.WriteAllText(model, "this is not a zip archive");
        Directory.CreateDirectory(Out);
        File.WriteAllText(Path.Combine(Out, "results.csv"), "last night");

        var run = await CliRunner.RunAsync("scan", Path.Combine(work.FullName, "in"), "--out", Out, "--model", model);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("klassificeraren kunde inte läsas", run.StdErr);
        Assert.Equal("last night", File.ReadAllText(Path.Combine(Out, "results.csv")));
        Assert.DoesNotContain("Klar:", run.StdOut);
    }

    [Fact]
    public async Task Help_DescribesExitCodesAndOptions()
    {
        var root = await CliRunner.RunAsync("--help");
        var scan = await CliRunner.RunAsync("scan", "--help");

        Assert.Equal(0, root.ExitCode);
        Assert.Contains("Exit codes", root.StdOut);
        Assert.Contains("--include", scan.StdOut);
        Assert.Contains("--parallelism", scan.StdOut);
    }
}
