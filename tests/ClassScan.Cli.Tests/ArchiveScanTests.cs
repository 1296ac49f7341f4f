using System.Text;
using ClassScan.TestSupport.Documents;

namespace ClassScan.Cli.Tests;

/// <summary>
/// A folder of archives through the real binary and its extraction workers: the archive that holds a level-3 file is
/// flagged, and flagged.csv names the file inside it, with identity numbers in entry names masked like file names.
/// </summary>
public sealed class ArchiveScanTests : IDisposable
{
    private const string Pnr = "19121212-1212"; // Skatteverket's test number (Tolvan Tolvansson)
    private const string Pupil = $"Personnummer {Pnr}. Eleven har diabetes typ 1 och tar insulin före lunch.";

    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("classscan-archives-");

    public void Dispose() => work.Delete(recursive: true);

    private string In => Path.Combine(work.FullName, "in");

    private string Out => Path.Combine(work.FullName, "out");

    [Fact]
    public async Task Scan_ArchivesInAFolder_FlaggedArchiveNamesItsEntryMasked()
    {
        var inner = TestArchives.Zip(($"{Pnr} Tolvan/utredning.docx", TestDocuments.Docx("Utredning", Pupil)));
        TestDocuments.Write(In, "mapp.zip", TestArchives.Zip(
            ("Elevakter/beslut.docx", TestDocuments.Docx("Beslut om särskilt stöd", Pupil)),
            ("Elevakter/schema.txt", Encoding.UTF8.GetBytes("Schemat för vecka 12."))));
        TestDocuments.Write(In, "Tolvan.zip", TestArchives.Zip(("akter.zip", inner)));
        TestDocuments.Write(In, "protokoll.tar.gz", TestArchives.TarGz(("protokoll.txt", Encoding.UTF8.GetBytes("Nämnden sammanträdde på tisdag."))));
        TestDocuments.Write(In, "krypterad.zip", TestArchives.MarkEncrypted(TestArchives.Zip(("hemlig.txt", Encoding.UTF8.GetBytes("x"))), "hemlig.txt"));

        var run = await CliRunner.RunAsync("scan", In, "--out", Out, "--parallelism", "2", "--no-model");

        Assert.True(run.ExitCode == ExitCodes.FilesMustLeave, run.StdErr + run.StdOut);
        OutputPrivacy.AssertFolderClean(Out);
        OutputPrivacy.AssertNoFullPersonnummer("stdout", run.StdOut);
        var flagged = ReportReader.Read(Path.Combine(Out, "flagged.csv")).ToDictionary(r => Path.GetFileName(r["path"]), StringComparer.Ordinal);
        Assert.Equal(["Tolvan.zip", "mapp.zip"], flagged.Keys.Order(StringComparer.Ordinal));

        var mapp = flagged["mapp.zip"];
        Assert.Equal("3", mapp["level"]);
        Assert.StartsWith("post 'Elevakter/beslut.docx': ", mapp["reason"], StringComparison.Ordinal);
        Assert.Contains("(Elevakter/beslut.docx / ", mapp["evidence"], StringComparison.Ordinal);
        Assert.Equal("1", mapp["pnr_count"]);
        Assert.Equal("sharpcompress-archive", mapp["extractor"]);

        Assert.StartsWith("post 'akter.zip!/19121212-**** Tolvan/utredning.docx': ", flagged["Tolvan.zip"]["reason"], StringComparison.Ordinal);

        var rows = ReportReader.Read(Path.Combine(Out, "results.csv")).ToDictionary(r => Path.GetFileName(r["path"]), StringComparer.Ordinal);
        Assert.Equal("ok", rows["protokoll.tar.gz"]["status"]);
        Assert.Equal("false", rows["protokoll.tar.gz"]["must_leave"]);
        Assert.Equal("encrypted", rows["krypterad.zip"]["status"]);
    }
}
