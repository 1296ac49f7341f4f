using ClassScan.Core.Classification;
using ClassScan.Core.Documents;
using ClassScan.Core.Scanning;
using ClassScan.Detection;
using ClassScan.Extraction;
using ClassScan.Policy;
using ClassScan.TestSupport.Documents;
using ClassScan.TestSupport.Fakes;

namespace ClassScan.Pipeline.Tests.Pipeline;

/// <summary>
/// Archives through the real extractors, detectors and policy: each entry is judged alone and the archive takes the
/// highest level. Personnummer are Skatteverket test numbers.
/// </summary>
public sealed class ArchiveJudgeTests
{
    private const string Pupil = "Personnummer 19121212-1212. Eleven har diabetes typ 1 och tar insulin före lunch.";

    private static readonly DocumentAnalyzer Analyzer =
        new(ExtractorSelector.Default, StandardDetectors.Create(FixedTimeProvider.ScanDate), new KlassaRuleEngine());

    private static ScanResult Analyze(string name, byte[] content) =>
        Analyzer.Analyze(name, new MemoryStream(content, writable: false), content, ExtractionLimits.Default, CancellationToken.None);

    private static byte[] Txt(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    [Fact]
    public void Analyze_DocxTwoLevelsDeep_ArchiveFlaggedNamingTheEntry()
    {
        var inner = TestArchives.Zip(("Elevakter/beslut.docx", TestDocuments.Docx("Beslut om särskilt stöd", Pupil)));
        var zip = TestArchives.Zip(("läsmig.txt", Txt("Mötet hålls på tisdag.")), ("inner.zip", inner));

        var result = Analyze("mapp.zip", zip);

        Assert.Equal(ScanStatus.Ok, result.Status);
        Assert.Equal(KlassaLevel.StriktKonfidentiell, result.Classification!.Level);
        Assert.StartsWith("post 'inner.zip!/Elevakter/beslut.docx': ", result.Classification.Reason, StringComparison.Ordinal);
        Assert.Equal(1, result.PersonnummerCount);
        Assert.All(result.Evidence, e => Assert.All(e.Locations, l => Assert.StartsWith("inner.zip!/Elevakter/beslut.docx / ", l, StringComparison.Ordinal)));
        Assert.Equal("sharpcompress-archive", result.Extractor);
    }

    [Fact]
    public void Analyze_SamePassageInOneFile_Flagged()
    {
        // The control for the pair below: together in one file the name and the diagnosis are level 3.
        var result = Analyze("mapp.zip", TestArchives.Zip(("elev.txt", Txt("Eleven Elsa Berg har diagnosen ADHD och får stöd av elevhälsan."))));

        Assert.Equal(KlassaLevel.StriktKonfidentiell, result.Classification!.Level);
    }

    [Fact]
    public void Analyze_NameInOneEntryDiagnosisInAnother_NotFlagged()
    {
        var zip = TestArchives.Zip(
            ("klasslista.txt", Txt("Eleven Elsa Berg")),
            ("rapport.txt", Txt("har diagnosen ADHD och får stöd av elevhälsan.")));

        var result = Analyze("mapp.zip", zip);

        Assert.Equal(ScanStatus.Ok, result.Status);
        Assert.False(result.MustLeave, result.Classification!.Reason);
    }

    [Fact]
    public void Analyze_EncryptedEntryBesideCleanOne_EncryptedNamingIt()
    {
        var zip = TestArchives.MarkEncrypted(TestArchives.Zip(("öppen.txt", Txt("Mötet hålls på tisdag.")), ("hemlig.docx", TestDocuments.Docx("x"))), "hemlig.docx");

        var result = Analyze("mapp.zip", zip);

        Assert.Equal(ScanStatus.Encrypted, result.Status);
        Assert.StartsWith("post 'hemlig.docx': ", result.StatusDetail, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_EncryptedEntryBesideFlaggedOne_Flagged()
    {
        var zip = TestArchives.MarkEncrypted(TestArchives.Zip(("elev.txt", Txt(Pupil)), ("hemlig.docx", TestDocuments.Docx("x"))), "hemlig.docx");

        var result = Analyze("mapp.zip", zip);

        Assert.True(result.MustLeave);
        Assert.Contains("post 'hemlig.docx' ej bedömd", result.StatusDetail, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_RatioBomb_ErrorNamingTheEntryAndTheLimit()
    {
        var zip = TestArchives.Zip(("öppen.txt", Txt("Mötet hålls på tisdag.")), ("nollor.txt", new byte[20 * 1024 * 1024]));

        var result = Analyze("bomb.zip", zip);

        Assert.Equal(ScanStatus.Error, result.Status);
        Assert.StartsWith("post 'nollor.txt': gräns MaxCompressionRatio", result.StatusDetail, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_TooManyEntries_ErrorWithTheLimit()
    {
        var zip = TestArchives.Zip([.. Enumerable.Range(0, 11).Select(i => ($"f{i}.txt", Txt("hej")))]);

        var result = Analyzer.Analyze("många.zip", new MemoryStream(zip), zip, ExtractionLimits.Default with { MaxArchiveEntries = 10 }, CancellationToken.None);

        Assert.Equal(ScanStatus.Error, result.Status);
        Assert.StartsWith("gräns MaxArchiveEntries", result.StatusDetail, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_OnlyImages_NoText()
    {
        var result = Analyze("bilder.zip", TestArchives.Zip(("a.jpg", [0xFF, 0xD8, 0xFF, 0xE0]), ("b.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])));

        Assert.Equal(ScanStatus.NoText, result.Status);
        Assert.StartsWith("ingen läsbar text i arkivet: post 'a.jpg' inte läst", result.StatusDetail, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_TarGzWithFlaggedFile_Flagged()
    {
        var result = Analyze("export.tar.gz", TestArchives.TarGz(("akter/elev.txt", Txt(Pupil))));

        Assert.True(result.MustLeave);
        Assert.StartsWith("post 'akter/elev.txt': ", result.Classification!.Reason, StringComparison.Ordinal);
    }
}
