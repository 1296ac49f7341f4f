using System.Text;
using ClassScan.Core.Documents;
using ClassScan.Extraction.Archive;
using ClassScan.TestSupport.Documents;
using SharpCompress.Common;
using SharpCompress.Writers.SevenZip;

namespace ClassScan.Extraction.Tests.Archive;

public class ArchiveExtractorTests
{
    private static byte[] Txt(string text) => Encoding.UTF8.GetBytes(text);

    private static ExtractionResult.Container Container(byte[] archive, ExtractionLimits? limits = null, string name = "arkiv.zip") =>
        Assert.IsType<ExtractionResult.Container>(ExtractionHelper.SelectAndResult(name, archive, limits));

    private static string TextOf(ContainerEntry entry) => ExtractionHelper.WholeText(entry.Result).AllText();

    [Fact]
    public void Extract_DocxTwoLevelsDeep_EntryNamedThroughTheNestedArchive()
    {
        var inner = TestArchives.Zip(("Elevakter/beslut.docx", TestDocuments.Docx("Beslut om stöd")));
        var outer = TestArchives.Zip(("inner.zip", inner), ("läsmig.txt", Txt("Hej")));

        var result = Container(outer);

        Assert.Equal(["inner.zip!/Elevakter/beslut.docx", "läsmig.txt"], result.Entries.Select(e => e.Path));
        Assert.Equal("Beslut om stöd", TextOf(result.Entries[0]));
        Assert.Equal("Hej", TextOf(result.Entries[1]));
        Assert.Empty(result.Notes);
    }

    [Fact]
    public void Extract_EncryptedEntry_ThatEntryEncryptedOthersRead()
    {
        var zip = TestArchives.MarkEncrypted(TestArchives.Zip(("öppen.txt", Txt("Hej")), ("hemlig.txt", Txt("Hemligt"))), "hemlig.txt");

        var result = Container(zip);

        Assert.Equal("Hej", TextOf(result.Entries[0]));
        Assert.Equal("hemlig.txt", result.Entries[1].Path);
        Assert.IsType<ExtractionResult.Encrypted>(result.Entries[1].Result);
    }

    [Fact]
    public void Extract_RatioBomb_EntryLimitReachedOthersRead()
    {
        var zip = TestArchives.Zip(("nollor.txt", new byte[20 * 1024 * 1024]), ("liten.txt", Txt("Hej")));
        Assert.True(zip.Length < 100_000);

        var result = Container(zip);

        var bomb = Assert.IsType<ExtractionResult.LimitReached>(result.Entries[0].Result);
        Assert.Equal(nameof(ExtractionLimits.MaxCompressionRatio), bomb.LimitName);
        Assert.Equal("Hej", TextOf(result.Entries[1]));
    }

    [Fact]
    public void Extract_SmallEntryThatCompressesWell_NotHeldToTheRatio()
    {
        var result = Container(TestArchives.Zip(("rader.txt", Txt(string.Concat(Enumerable.Repeat("a", 500_000))))));

        Assert.IsType<ExtractionResult.Text>(result.Entries[0].Result);
    }

    [Theory]
    [InlineData(5, false)]
    [InlineData(6, true)]
    public void Extract_EntryCount_OverTheLimitIsTheContainersLimit(int count, bool overLimit)
    {
        var zip = TestArchives.Zip([.. Enumerable.Range(0, count).Select(i => ($"f{i}.txt", Txt("Hej")))]);
        var limits = ExtractionLimits.Default with { MaxArchiveEntries = 5 };

        var result = ExtractionHelper.SelectAndResult("arkiv.zip", zip, limits);

        if (overLimit) Assert.Equal(nameof(ExtractionLimits.MaxArchiveEntries), Assert.IsType<ExtractionResult.LimitReached>(result).LimitName);
        else Assert.Equal(count, Assert.IsType<ExtractionResult.Container>(result).Entries.Count);
    }

    [Fact]
    public void Extract_NestedDeeperThanTheLimit_InnermostArchiveIsAnEntryWithTheLimit()
    {
        var archive = TestArchives.Zip(("botten.txt", Txt("Hej")));
        for (var i = 0; i < 4; i++) archive = TestArchives.Zip(($"n{i}.zip", archive));

        var result = Container(archive);

        var entry = Assert.Single(result.Entries);
        Assert.Equal("n3.zip!/n2.zip!/n1.zip!/n0.zip", entry.Path);
        Assert.Equal(nameof(ExtractionLimits.MaxNestingDepth), Assert.IsType<ExtractionResult.LimitReached>(entry.Result).LimitName);
    }

    [Fact]
    public void Extract_NestedWithinTheLimit_Read()
    {
        var archive = TestArchives.Zip(("botten.txt", Txt("Hej")));
        for (var i = 0; i < 3; i++) archive = TestArchives.Zip(($"n{i}.zip", archive));

        var entry = Assert.Single(Container(archive).Entries);

        Assert.Equal("n2.zip!/n1.zip!/n0.zip!/botten.txt", entry.Path);
        Assert.Equal("Hej", TextOf(entry));
    }

    [Fact]
    public void Extract_TotalUncompressedBudget_EntryThatPassesItCarriesTheLimitAndTheRestIsANote()
    {
        var zip = TestArchives.Zip(("a.txt", Txt(new string('a', 600))), ("b.txt", Txt(new string('b', 600))), ("c.txt", Txt("c")));
        var limits = ExtractionLimits.Default with { MaxUncompressedBytes = 1000 };

        var result = Container(zip, limits);

        Assert.Equal(2, result.Entries.Count);
        Assert.IsType<ExtractionResult.Text>(result.Entries[0].Result);
        Assert.Equal(nameof(ExtractionLimits.MaxUncompressedBytes), Assert.IsType<ExtractionResult.LimitReached>(result.Entries[1].Result).LimitName);
        Assert.Contains(result.Notes, n => n.StartsWith("1 poster lästes inte", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_EntryOverMaxFileBytes_ThatEntryLimitOthersRead()
    {
        var zip = TestArchives.Zip(("stor.txt", Txt(new string('x', 5000))), ("liten.txt", Txt("Hej")));
        var limits = ExtractionLimits.Default with { MaxFileBytes = 4000 };

        var result = Container(zip, limits);

        Assert.Equal(nameof(ExtractionLimits.MaxFileBytes), Assert.IsType<ExtractionResult.LimitReached>(result.Entries[0].Result).LimitName);
        Assert.Equal("Hej", TextOf(result.Entries[1]));
    }

    [Fact]
    public void Extract_CharacterBudget_SharedByTheEntries()
    {
        var zip = TestArchives.Zip(("a.txt", Txt(new string('a', 60))), ("b.txt", Txt(new string('b', 60))), ("c.txt", Txt("c")));
        var limits = ExtractionLimits.Default with { MaxExtractedChars = 100 };

        var result = Container(zip, limits);

        Assert.Equal(2, result.Entries.Count);
        Assert.IsType<ExtractionResult.Text>(result.Entries[0].Result);
        var partial = Assert.IsType<ExtractionResult.PartialText>(result.Entries[1].Result);
        Assert.Equal(40, partial.Content.TotalChars);
        Assert.Contains(result.Notes, n => n.Contains("MaxExtractedChars", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_SevenZip_EntriesRead()
    {
        using var ms = new MemoryStream();
        using (var writer = new SevenZipWriter(ms, new SevenZipWriterOptions(CompressionType.LZMA) { LeaveStreamOpen = true }))
        {
            writer.Write("mapp/a.txt", new MemoryStream(Txt("Första")), null);
            writer.Write("b.docx", new MemoryStream(TestDocuments.Docx("Andra")), null);
        }

        var result = Container(ms.ToArray(), name: "arkiv.7z");

        Assert.Equal(["mapp/a.txt", "b.docx"], result.Entries.Select(e => e.Path));
        Assert.Equal("Första", TextOf(result.Entries[0]));
        Assert.Equal("Andra", TextOf(result.Entries[1]));
    }

    [Fact]
    public void Extract_TarGz_TarFilesListedAtTheTop()
    {
        var tgz = TestArchives.TarGz(("mapp/a.txt", Txt("Första")), ("b.txt", Txt("Andra")));

        var result = Container(tgz, name: "arkiv.tar.gz");

        Assert.Equal(["mapp/a.txt", "b.txt"], result.Entries.Select(e => e.Path));
        Assert.Equal("Andra", TextOf(result.Entries[1]));
    }

    [Fact]
    public void Extract_Tar_EntriesRead()
    {
        var result = Container(TestArchives.Tar(("a.txt", Txt("Hej"))), name: "arkiv.tar");

        Assert.Equal("Hej", TextOf(Assert.Single(result.Entries)));
    }

    [Theory]
    [InlineData("/data/logg.txt.gz", "logg.txt")]
    [InlineData("/data/ARKIV.TGZ", "ARKIV.tar")]
    public void Extract_GZipOfOneFile_EntryNamedAfterTheGzipWithoutItsSuffix(string localPath, string expected)
    {
        using var stream = new MemoryStream(TestArchives.GZip(Txt("Hej")));
        var extractor = new ArchiveExtractor(ExtractorSelector.Default);

        var result = Assert.IsType<ExtractionResult.Container>(extractor.Extract(DocumentContent.LocalFile(stream, localPath), ExtractionLimits.Default, default));

        Assert.Equal(expected, Assert.Single(result.Entries).Path);
    }

    [Fact]
    public void Extract_GZipOfTextWithoutKnownName_GenericNameReadAsText()
    {
        var entry = Assert.Single(Container(TestArchives.GZip(Txt("Hej")), name: "x.gz").Entries);

        Assert.Equal("innehåll", entry.Path);
        Assert.Equal("Hej", TextOf(entry));
    }

    [Fact]
    public void Extract_GZipOfBinaryWithoutKnownName_Unsupported()
    {
        var entry = Assert.Single(Container(TestArchives.GZip([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0x0D]), name: "x.gz").Entries);

        Assert.IsType<ExtractionResult.Unsupported>(entry.Result);
    }

    [Fact]
    public void Extract_GZipOfDocxWithoutKnownName_RecognisedBySignature()
    {
        var entry = Assert.Single(Container(TestArchives.GZip(TestDocuments.Docx("Hej")), name: "x.gz").Entries);

        Assert.Equal("Hej", TextOf(entry));
    }

    [Fact]
    public void Extract_UnsupportedEntry_IsAnUnsupportedEntry()
    {
        var result = Container(TestArchives.Zip(("program.exe", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00])));

        Assert.Equal("format som inte läses: .exe", Assert.IsType<ExtractionResult.Unsupported>(Assert.Single(result.Entries).Result).Reason);
    }

    [Fact]
    public void Extract_ImageEntry_BlankPageNotedForOcr()
    {
        var result = Container(TestArchives.Zip(("bild.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])));

        // Only a file's own pages go to the OCR stage: an image inside an archive says that it was not read.
        var text = Assert.IsType<ExtractionResult.Text>(Assert.Single(result.Entries).Result).Content;
        Assert.True(text.IsBlank);
        Assert.Contains("bilden saknar textlager (bara OCR kan läsa den)", text.Notes);
    }

    [Fact]
    public void Extract_ZipSlipAndAbsoluteNames_ShownNormalised()
    {
        var result = Container(TestArchives.Zip(("../../etc/a.txt", Txt("1")), ("/abs/b.txt", Txt("2")), ("C:\\dir\\c.txt", Txt("3"))));

        Assert.Equal(["etc/a.txt", "abs/b.txt", "dir/c.txt"], result.Entries.Select(e => e.Path));
    }

    [Fact]
    public void Extract_EmptyZip_ContainerWithoutEntries()
    {
        Assert.Empty(Container(TestArchives.Zip()).Entries);
    }

    [Theory]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 1, 2, 3 })]
    [InlineData(new byte[] { 0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C, 0, 4, 9, 9, 9 })]
    [InlineData(new byte[] { 0x1F, 0x8B, 8, 0, 0, 0 })]
    [InlineData(new byte[] { 0x61, 0x62, 0x63 })]
    public void Extract_NotAReadableArchive_FailureNotAnException(byte[] content)
    {
        var extractor = new ArchiveExtractor(ExtractorSelector.Default);

        var result = ExtractionHelper.Result(extractor, content);

        Assert.True(result is ExtractionResult.Corrupt or ExtractionResult.Container { Entries.Count: 0 } or ExtractionResult.Container { Entries: [{ Result: ExtractionResult.Corrupt }] }, $"got {result}");
    }

    [Fact]
    public void Extract_TruncatedZip_CorruptNotAnException()
    {
        var zip = TestArchives.Zip(("a.txt", Txt(new string('a', 5000))));
        var extractor = new ArchiveExtractor(ExtractorSelector.Default);

        var result = ExtractionHelper.Result(extractor, zip[..(zip.Length / 2)]);

        Assert.IsAssignableFrom<ExtractionResult.Failure>(result);
    }

    [Fact]
    public void Extract_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var extractor = new ArchiveExtractor(ExtractorSelector.Default);

        Assert.ThrowsAny<OperationCanceledException>(() => ExtractionHelper.Result(extractor, TestArchives.Zip(("a.txt", Txt("Hej"))), ct: cts.Token));
    }

    [Fact]
    public void Extract_EntryLargerThanMemorySpool_ReadWholeThroughTheSpillAndNoFileLeft()
    {
        // Letters in a seeded random order compress about 1.6×: far from the ratio limit, past the in-memory spool.
        var random = new Random(7);
        var body = new StringBuilder();
        while (body.Length < EntrySpool.InMemoryBytes + 1024 * 1024)
            body.Append((char)('a' + random.Next(26))).Append(random.Next(8) == 0 ? " " : "");
        body.Append(" slutmarkör");
        var before = SpoolFiles();

        var result = Container(TestArchives.Zip(("stor.txt", Encoding.UTF8.GetBytes(body.ToString()))));

        Assert.EndsWith("slutmarkör", TextOf(Assert.Single(result.Entries)).TrimEnd(), StringComparison.Ordinal);
        Assert.Empty(SpoolFiles().Except(before));
    }

    private static string[] SpoolFiles() => Directory.GetFiles(Path.GetTempPath(), "classscan-entry-*");
}
