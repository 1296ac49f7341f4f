using System.Text;
using ClassScan.TestSupport.Documents;

namespace ClassScan.Cli.Tests;

/// <summary>
/// Names inside a document (a sheet, an e-mail attachment) are text too: a municipality names sheets and
/// attachments after the person ("Elev 19121212-1212"). They reach the report as evidence locations and
/// notes, which must show them masked like any other sample.
/// </summary>
public sealed class DocumentNamePrivacyTests : IDisposable
{
    private const string Pnr = "19121212-1212"; // Skatteverket's test number

    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("classscan-names-");

    public void Dispose() => work.Delete(recursive: true);

    [Fact]
    public async Task Scan_PersonnummerInSheetAndAttachmentNames_ReportsMaskThem()
    {
        var input = Path.Combine(work.FullName, "in");
        TestDocuments.Write(input, "elever.xlsx", new XlsxBuilder()
            .Sheet($"Elev {Pnr}", s => s.Row("Personnummer", Pnr).Row("Namn", "Elsa Berg"))
            .Build());
        TestDocuments.Write(input, "arende.eml", new EmlBuilder()
            .From("handlaggare@kommun.example").To("registrator@kommun.example").Subject("Underlag")
            .Text("Se bifogade intyg.")
            .Attach($"intyg {Pnr}.txt", Encoding.UTF8.GetBytes($"Intyg för {Pnr}, Elsa Berg, diagnos F32."))
            .Attach($"utredning {Pnr}.docx", TestDocuments.Docx($"Utredning om {Pnr}."))
            .Attach($"skyddat {Pnr}.pdf", Encoding.ASCII.GetBytes("%PDF-1.4\ntrasig"))
            .Build());
        var output = Path.Combine(work.FullName, "out");

        var run = await CliRunner.RunAsync("scan", input, "--out", output, "--parallelism", "2");

        Assert.True(run.ExitCode is 0 or 1, run.StdErr);
        var rows = ReportReader.Read(Path.Combine(output, "results.csv"));
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal("ok", r["status"]));
        OutputPrivacy.AssertFolderClean(output);
        OutputPrivacy.AssertNoFullPersonnummer("stdout", run.StdOut);
        OutputPrivacy.AssertNoFullPersonnummer("stderr", run.StdErr);
    }
}
