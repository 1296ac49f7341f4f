using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using ClassScan.TestSupport.Spreadsheets;

namespace ClassScan.Cli.Tests;

/// <summary>
/// End to end through the real binary: files and a folder whose names are spreadsheet formulas, one of them with a
/// line feed in its name (legal on Linux). Every row of every CSV the scan writes must stay one row of text cells,
/// and LibreOffice Calc, evaluating formulas, must run none of them. One scan for the class.
/// </summary>
public sealed class FormulaNameScanTests(FormulaNameScanTests.Scan scan) : IClassFixture<FormulaNameScanTests.Scan>
{
    private const string Pupil = "Elevlista klass 3B\nElsa Berg, personnummer 19121212-1212\n"; // Skatteverket's test number

    /// <summary>Names as the scanner must report them (relative to the scanned folder), and whether they are flagged.</summary>
    internal static readonly (string Name, string Content, bool Flagged)[] Files =
    [
        ("=HYPERLINK(\"x\",\"klick\").txt", "Hej föräldrar! På fredag är det friluftsdag.", false),
        ("+cmd.txt", "Kallelse till kommunstyrelsen.", false),
        ("@SUM(1+1).txt", "Protokoll från nämndens sammanträde.", false),
        ("-2+3.txt", "Veckobrev vecka 12.", false),
        ("=A1/elevlista.txt", Pupil, true),
        ("elev\n=1+1.txt", Pupil, true),
        ("@trasig.pdf", "%PDF-1.4\ntrasig", false),
    ];

    private static readonly string[] Reports = ["results.csv", "flagged.csv", "review.csv", "forvaltningar/okänd.csv"];

    private static (string[] Header, List<string[]> Rows) ReadRaw(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";" });
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        var rows = new List<string[]>();
        while (csv.Read()) rows.Add(Enumerable.Range(0, header.Length).Select(i => csv.GetField(i) ?? "").ToArray());
        return (header, rows);
    }

    [Fact]
    public async Task Scan_FormulaFileAndFolderNames_EveryReportRowWholeAndNoCellStartsAFormula()
    {
        var run = await scan.RunAsync();

        Assert.True(run.ExitCode == 1, $"exit {run.ExitCode}: {run.StdErr}");
        var results = ReadRaw(scan.Report("results.csv"));
        Assert.Equal(Files.Length, results.Rows.Count); // the line feed in a name did not start a row of its own
        foreach (var (name, _, flagged) in Files)
        {
            var row = Assert.Single(results.Rows, r => r[0].EndsWith("/" + name, StringComparison.Ordinal));
            Assert.Equal(flagged ? "true" : "false", row[Array.IndexOf(results.Header, "must_leave")]);
        }
        Assert.Equal(Files.Count(f => f.Flagged), ReadRaw(scan.Report("flagged.csv")).Rows.Count);
        Assert.Contains(ReadRaw(scan.Report("review.csv")).Rows, r => r[0].EndsWith("/@trasig.pdf", StringComparison.Ordinal));
        Assert.Equal(Files.Count(f => f.Flagged) + 1, ReadRaw(scan.Report("forvaltningar/okänd.csv")).Rows.Count);
        foreach (var report in Reports)
        {
            var (header, rows) = ReadRaw(scan.Report(report));
            Assert.All(rows, r => Assert.Equal(header.Length, r.Length));
            foreach (var cell in rows.SelectMany(r => r))
                Assert.False(cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n', $"{report}: cell starts a formula: {cell}");
        }
        OutputPrivacy.AssertFolderClean(scan.Out);
    }

    [LibreOfficeFact]
    [Trait("Category", LibreOffice.Category)]
    public async Task Scan_FormulaFileAndFolderNames_CalcShowsEveryCellAsText()
    {
        await scan.RunAsync();

        var sheets = await LibreOffice.OpenCsvAsync(Reports.Select(scan.Report).ToList(), Path.Combine(scan.Work, "calc"));

        for (var i = 0; i < Reports.Length; i++)
        {
            var (header, rows) = ReadRaw(scan.Report(Reports[i]));
            var sheet = sheets[i];
            Assert.Equal(rows.Count + 1, sheet.Count);
            foreach (var cell in sheet.SelectMany(r => r))
                Assert.False(cell.IsFormula, $"{Reports[i]}: Calc ran {cell.Formula}");
            Assert.Equal(header, sheet[0].Select(c => c.Text));
            for (var r = 0; r < rows.Count; r++) Assert.Equal(rows[r][0].Replace("\r\n", "\n", StringComparison.Ordinal), sheet[r + 1][0].Text);
        }
        var shown = sheets[0].Skip(1).Select(r => r[0].Text).ToList();
        foreach (var (name, _, _) in Files) Assert.Contains(shown, t => t.EndsWith("/" + name, StringComparison.Ordinal));
    }

    /// <summary>The input folder and one scan of it, run on first use.</summary>
    public sealed class Scan : IDisposable
    {
        private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("classscan-formulanames-");
        private readonly Lazy<Task<CliRunner.Run>> run;

        public Scan() => run = new(StartAsync);

        public string Work => work.FullName;
        public string Out => Path.Combine(work.FullName, "out");

        public string Report(string name) => Path.Combine(Out, name);

        internal Task<CliRunner.Run> RunAsync() => run.Value;

        public void Dispose()
        {
            try { work.Delete(recursive: true); } catch (IOException) { }
        }

        private async Task<CliRunner.Run> StartAsync()
        {
            var input = Path.Combine(work.FullName, "in");
            foreach (var (name, content, _) in Files)
            {
                var path = Path.Combine(input, name);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await File.WriteAllTextAsync(path, content);
            }
            return await CliRunner.RunAsync("scan", input, "--out", Out, "--parallelism", "2");
        }
    }
}
