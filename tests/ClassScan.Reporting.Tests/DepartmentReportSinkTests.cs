using System.Text;
using ClassScan.Core.Classification;
using ClassScan.Core.Scanning;
using ClassScan.Reporting.Departments;

namespace ClassScan.Reporting.Tests;

public sealed class DepartmentReportSinkTests : IDisposable
{
    private readonly DirectoryInfo dir = Directory.CreateTempSubdirectory("classscan-dept-");

    public void Dispose() => dir.Delete(recursive: true);

    private static readonly DepartmentMap Map = new(
    [
        new DepartmentRule("Socialförvaltningen") { PathGlobs = ["Soc/**"] },
        new DepartmentRule("Kultur") { PathGlobs = ["Kultur/**"] },
    ]);

    private string File(string department) => Path.Combine(dir.FullName, DepartmentReportSink.FolderName, DepartmentMap.FileNameFor(department));

    [Fact]
    public async Task CompleteAsync_OnlyActionRows_SortedByLevelThenPath_SwedishHeaders()
    {
        await using (var sink = new DepartmentReportSink(dir.FullName, Map))
        {
            await Results.RunAsync(sink,
            [
                Results.Flagged("/g/Soc/b.docx"),
                Results.Blind("/g/Soc/a-krypterad.xlsx"),
                Results.Flagged("/g/Soc/z.pdf", KlassaLevel.StriktKonfidentiell, "Personnummer och hälsouppgifter i samma stycke (regel 2)"),
                Results.Clean("/g/Soc/ok.docx"),
                Results.Flagged("/g/Soc/a.docx"),
                Results.Blind("/g/Soc/trasig.docx", ScanStatus.Error, "trasig fil"),
                Results.Flagged("/g/Annat/x.docx"),
                Results.Clean("/g/Kultur/affisch.pdf", KlassaLevel.Oppen),
            ]);
        }

        var bytes = System.IO.File.ReadAllBytes(File("Socialförvaltningen"));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var (header, rows) = CsvFile.Read(File("Socialförvaltningen"));
        Assert.Equal(["Fil", "Länk", "Nivå", "Varför", "Åtgärd", "Senast ändrad av", "Senast ändrad", "Hittat", "Id"], header);
        Assert.Equal(["/g/Soc/z.pdf", "/g/Soc/a.docx", "/g/Soc/b.docx", "/g/Soc/a-krypterad.xlsx", "/g/Soc/trasig.docx"], rows.Select(r => r["Fil"]));
        Assert.Equal("3 – strikt konfidentiell", rows[0]["Nivå"]);
        Assert.Equal("Personnummer och hälsouppgifter i samma stycke (regel 2)", rows[0]["Varför"]);
        Assert.StartsWith(ReviewerText.Move + " till godkänd lagring utanför M365", rows[0]["Åtgärd"]);
        Assert.Equal("2025-03-04 05:06", rows[1]["Senast ändrad"]);
        Assert.Contains("19121212-****", rows[1]["Hittat"]);
        Assert.Equal("ej bedömd", rows[3]["Nivå"]);
        Assert.StartsWith("Kunde inte läsas (lösenordsskyddad eller krypterad)", rows[3]["Varför"]);
        Assert.StartsWith(ReviewerText.Review, rows[3]["Åtgärd"]);
        Assert.StartsWith(ReviewerText.DeleteOrReview, rows[4]["Åtgärd"]);

        Assert.Equal("/g/Annat/x.docx", Assert.Single(CsvFile.Read(File(DepartmentMap.Unknown)).Rows)["Fil"]);
        Assert.Empty(CsvFile.Read(File("Kultur")).Rows); // configured, nothing to do: an empty list, not yesterday's
    }

    [Fact]
    public async Task CompleteAsync_LinkAndOwnerFromSource()
    {
        await using (var sink = new DepartmentReportSink(dir.FullName, DepartmentMap.Empty))
            await Results.RunAsync(sink, [Results.Flagged("/Dokument/a.docx", webUrl: "https://kommun.sharepoint.com/sites/x/a.docx", owner: "Anna Berg")]);

        var row = Assert.Single(CsvFile.Read(File(DepartmentMap.Unknown)).Rows);
        Assert.Equal("https://kommun.sharepoint.com/sites/x/a.docx", row["Länk"]);
        Assert.Equal("Anna Berg", row["Senast ändrad av"]);
    }

    [Fact]
    public async Task CompleteAsync_FormulaInFileName_IsEscapedForExcel()
    {
        await using (var sink = new DepartmentReportSink(dir.FullName, DepartmentMap.Empty))
            await Results.RunAsync(sink, [Results.Flagged("=HYPERLINK(\"http://x\")")]);

        var text = System.IO.File.ReadAllText(File(DepartmentMap.Unknown), Encoding.UTF8);
        Assert.DoesNotContain("\n=HYPERLINK", text);
        Assert.Contains("'=HYPERLINK", text);
    }

    [Fact]
    public async Task CompleteAsync_DepartmentNoLongerConfigured_OldFileRemoved()
    {
        var folder = Path.Combine(dir.FullName, DepartmentReportSink.FolderName);
        Directory.CreateDirectory(folder);
        System.IO.File.WriteAllText(Path.Combine(folder, "Gammal förvaltning.csv"), "Fil\n/x\n");
        System.IO.File.WriteAllText(Path.Combine(folder, "läs mig.txt"), "behålls");

        await using (var sink = new DepartmentReportSink(dir.FullName, Map))
            await Results.RunAsync(sink, [Results.Clean("/a.docx")]);

        Assert.False(System.IO.File.Exists(Path.Combine(folder, "Gammal förvaltning.csv")));
        Assert.True(System.IO.File.Exists(Path.Combine(folder, "läs mig.txt")));
        Assert.Equal(3, Directory.GetFiles(folder, "*.csv").Length);
    }

    [Fact]
    public async Task DisposeWithoutComplete_NoDepartmentFiles()
    {
        await using (var sink = new DepartmentReportSink(dir.FullName, Map))
            await sink.WriteAsync(Results.Flagged("/g/Soc/a.docx"), default);

        Assert.False(Directory.Exists(Path.Combine(dir.FullName, DepartmentReportSink.FolderName)));
    }
}
