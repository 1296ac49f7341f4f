using System.IO.Compression;
using System.Text;
using ClassScan.Core.Documents;
using ClassScan.Extraction.OpenXml;
using ClassScan.TestSupport.Documents;

namespace ClassScan.Extraction.Tests.OpenXml;

public class WordExtractorTests
{
    private static ExtractedText Extract(byte[] docx, ExtractionLimits? limits = null) =>
        ExtractionHelper.Run(WordExtractor.Instance, docx, limits);

    private static ExtractionResult Result(byte[] docx, ExtractionLimits? limits = null) =>
        ExtractionHelper.Result(WordExtractor.Instance, docx, limits);

    [Fact]
    public void Extract_AllParts_EachTextInItsKindAndLocation()
    {
        var docx = new DocxBuilder()
            .Paragraph("Inledande brödtext.")
            .Table(["Namn", "Personnummer"], ["Tolvan Tolvansson", "19121212-1212"])
            .TextBox("Text i en textruta")
            .Footnote("Stycke med fotnot.", "Fotnotens text")
            .Endnote("Stycke med slutnot.", "Slutnotens text")
            .Comment("Kommenterat stycke.", "Kommentarens text")
            .Header("Sekretess enligt 26 kap. 1 § OSL")
            .Footer("Sidfotens text")
            .Title("Utredning")
            .Build();

        var text = Extract(docx);

        Assert.Contains(text.OfKind(SegmentKind.Body), s => s.Location == "brödtext" && s.Text.Contains("Inledande brödtext.", StringComparison.Ordinal));
        var table = Assert.Single(text.OfKind(SegmentKind.Table));
        Assert.Equal("tabell 1", table.Location);
        Assert.Equal("Namn\tPersonnummer\nTolvan Tolvansson\t19121212-1212", table.Text);
        Assert.Contains(text.OfKind(SegmentKind.TextBox), s => s.Location == "textruta 1" && s.Text == "Text i en textruta");
        Assert.Equal("Sekretess enligt 26 kap. 1 § OSL", Assert.Single(text.OfKind(SegmentKind.Header), s => s.Location == "sidhuvud").Text);
        Assert.Equal("Sidfotens text", Assert.Single(text.OfKind(SegmentKind.Footer), s => s.Location == "sidfot").Text);
        Assert.Contains("Fotnotens text", Assert.Single(text.OfKind(SegmentKind.Footnote), s => s.Location == "fotnot").Text, StringComparison.Ordinal);
        Assert.Contains("Slutnotens text", Assert.Single(text.OfKind(SegmentKind.Endnote), s => s.Location == "slutnot").Text, StringComparison.Ordinal);
        Assert.Contains("Kommentarens text", Assert.Single(text.OfKind(SegmentKind.Comment), s => s.Location == "kommentar").Text, StringComparison.Ordinal);
        Assert.Contains("Titel: Utredning", Assert.Single(text.OfKind(SegmentKind.Metadata)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_NumberSplitAcrossRuns_ComesOutContiguous()
    {
        var text = Extract(new DocxBuilder().Paragraph("Pnr: ", "1912", "1212-1212", " slut").Build());

        Assert.Contains("Pnr: 19121212-1212 slut", text.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_TabAndBreak_BecomeTabAndNewline()
    {
        var text = Extract(new DocxBuilder().ParagraphWithTabAndBreak("A", "B", "C").Build());

        Assert.Contains("A\tB\nC", text.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_SameHeaderTwice_ReadOncePerPart()
    {
        var text = Extract(new DocxBuilder().Paragraph("x").Header("H1").Header("H2").Build());

        Assert.Equal(["H1", "H2"], text.OfKind(SegmentKind.Header).Select(s => s.Text).Order());
    }

    [Fact]
    public void Extract_CustomProperty_SensitivityLabelInMetadata()
    {
        var text = Extract(new DocxBuilder().Paragraph("x").CustomProperty("MSIP_Label_1234_Name", "Konfidentiell").Build());

        Assert.Contains("MSIP_Label_1234_Name: Konfidentiell", text.OfKind(SegmentKind.Metadata).Single().Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_AlternateContent_ChoiceReadOnceFallbackOnlyWhenChoiceEmpty()
    {
        const string xml = """
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
                        xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">
              <w:body>
                <w:p><w:r><mc:AlternateContent>
                  <mc:Choice Requires="wps"><w:txbxContent><w:p><w:r><w:t>Modern ruta</w:t></w:r></w:p></w:txbxContent></mc:Choice>
                  <mc:Fallback><w:txbxContent><w:p><w:r><w:t>Modern ruta</w:t></w:r></w:p></w:txbxContent></mc:Fallback>
                </mc:AlternateContent></w:r></w:p>
                <w:p><w:r><mc:AlternateContent>
                  <mc:Choice Requires="wps"><w:drawing/></mc:Choice>
                  <mc:Fallback><w:txbxContent><w:p><w:r><w:t>Bara i fallback</w:t></w:r></w:p></w:txbxContent></mc:Fallback>
                </mc:AlternateContent></w:r></w:p>
                <w:p><w:r><w:t>Kvar</w:t></w:r><w:del><w:r><w:delText>Borttaget 19121212-1212</w:delText></w:r></w:del></w:p>
              </w:body>
            </w:document>
            """;
        var text = Extract(ReplaceEntry(TestDocuments.Docx("x"), "word/document.xml", xml));

        Assert.Equal(["Modern ruta", "Bara i fallback"], text.OfKind(SegmentKind.TextBox).Select(s => s.Text));
        Assert.Equal("Kvar", text.OfKind(SegmentKind.Body).Single(s => s.Location == "brödtext").Text);
        Assert.Equal("Borttaget 19121212-1212", text.OfKind(SegmentKind.Body).Single(s => s.Location == "brödtext (borttagen text)").Text);
    }

    [Fact]
    public void Extract_DtdInDocumentPart_CorruptWithoutExpansionOrAccess()
    {
        // Billion laughs + an external entity: a DTD in a part must never be processed.
        const string hostile = """
            <?xml version="1.0"?>
            <!DOCTYPE w:document [
              <!ENTITY lol "lol">
              <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
              <!ENTITY xxe SYSTEM "file:///etc/passwd">
            ]>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol3;&xxe;</w:t></w:r></w:p></w:body></w:document>
            """;
        var docx = ReplaceEntry(TestDocuments.Docx("ersätts"), "word/document.xml", hostile);

        var ex = Assert.IsType<ExtractionResult.Corrupt>(Result(docx));
        Assert.Contains("malformed XML", ex.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_ZipBombShapedDocx_ThrowsRatioLimit()
    {
        var docx = AddEntry(TestDocuments.Docx("x"), "word/bomb.xml", new string(' ', 8 * 1024 * 1024));

        var ex = Assert.IsType<ExtractionResult.LimitReached>(Result(docx));
        Assert.Equal(nameof(ExtractionLimits.MaxCompressionRatio), ex.LimitName);
    }

    [Fact]
    public void Extract_PackageLargerThanLimit_ThrowsUncompressedLimit()
    {
        var docx = AddEntry(TestDocuments.Docx("x"), "word/media/big.bin", new string('x', 2 * 1024 * 1024));
        var limits = ExtractionLimits.Default with { MaxUncompressedBytes = 1024 * 1024 };

        var ex = Assert.IsType<ExtractionResult.LimitReached>(Result(docx, limits));
        Assert.Equal(nameof(ExtractionLimits.MaxUncompressedBytes), ex.LimitName);
    }

    [Fact]
    public void Extract_MoreTextThanLimit_StopsWithTheTextUpToTheLimit()
    {
        var docx = TestDocuments.Docx("Elsa Berg 19121212-1212 " + new string('a', 5000));
        var limits = ExtractionLimits.Default with { MaxExtractedChars = 1000 };

        var ex = Assert.IsType<ExtractionResult.PartialText>(Result(docx, limits));
        Assert.True(ex.Content.Truncated);
        Assert.Equal(1000, ex.Content.TotalChars);
        Assert.StartsWith("Elsa Berg 19121212-1212", ex.Content.Segments[0].Text);
        Assert.Contains(ex.Content.Notes, n => n.Contains("MaxExtractedChars"));
    }

    [Fact]
    public void Extract_TruncatedPackage_Corrupt()
    {
        var docx = TestDocuments.Docx("x");

        Assert.IsType<ExtractionResult.Corrupt>(Result(docx[..(docx.Length / 2)]));
    }

    [Fact]
    public void Extract_ZipWithoutWordParts_Corrupt()
    {
        var zip = ZipWith(("hello.txt", "hej"));

        Assert.IsType<ExtractionResult.Corrupt>(Result(zip));
    }

    [Fact]
    public void Extract_CancelledToken_ThrowsOperationCanceled()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => ExtractionHelper.Run(WordExtractor.Instance, TestDocuments.Docx("x"), ct: cts.Token));
    }

    internal static byte[] ReplaceEntry(byte[] package, string entryName, string content)
    {
        using var ms = new MemoryStream();
        ms.Write(package);
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry(entryName)?.Delete();
            using var w = new StreamWriter(zip.CreateEntry(entryName).Open(), new UTF8Encoding(false));
            w.Write(content);
        }
        return ms.ToArray();
    }

    internal static byte[] AddEntry(byte[] package, string entryName, string content) => ReplaceEntry(package, entryName, content);

    internal static byte[] ZipWith(params (string Name, string Content)[] entries)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var w = new StreamWriter(zip.CreateEntry(name).Open());
                w.Write(content);
            }
        }
        return ms.ToArray();
    }
}
