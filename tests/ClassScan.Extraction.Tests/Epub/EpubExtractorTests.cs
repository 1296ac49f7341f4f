using ClassScan.Core.Documents;
using ClassScan.Extraction.Epub;
using ClassScan.Extraction.Tests.OpenDocument;

namespace ClassScan.Extraction.Tests.Epub;

public class EpubExtractorTests
{
    private const string Container = """
        <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
         <rootfiles><rootfile full-path="book.opf" media-type="application/oebps-package+xml"/></rootfiles>
        </container>
        """;

    private const string Opf = """
        <package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata/>
         <manifest><item id="a" href="a.xhtml" media-type="application/xhtml+xml"/></manifest>
         <spine><itemref idref="a"/></spine>
        </package>
        """;

    private static ExtractionResult Result(byte[] epub) => ExtractionHelper.Result(EpubExtractor.Instance, epub);

    private static byte[] Book(params (string Name, string Content)[] extra) =>
        OcfZip.Create(OcfZip.Epub, [("META-INF/container.xml", Container), ("book.opf", Opf), ("a.xhtml", "<html><body><p>Kapiteltext</p></body></html>"), .. extra]);

    [Fact]
    public void Extract_GoldenBook_SpineOrderChaptersAndMetadataWithoutAuthor()
    {
        var text = ExtractionHelper.SelectAndRun("bok.epub", Tests.Golden.Read("Epub", "bok.epub"));

        Assert.Equal(
            [
                (SegmentKind.Body, "kapitel 1", "Inledning\nHandboken gäller från 2025."),
                (SegmentKind.Body, "kapitel 2", "Exempel\nÄrende: Tolvan Tolvansson, 19121212-1212.\nÅtgärd\tKlar"),
                (SegmentKind.Metadata, "dokumentegenskaper", "Titel: Handbok för handläggare\nÄmne: Socialtjänst"),
            ],
            text.Segments.Select(s => (s.Kind, s.Location, s.Text)));
    }

    [Fact]
    public void Extract_ContentEncrypted_Encrypted()
    {
        var epub = Book(("META-INF/encryption.xml", """
            <encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#">
             <enc:EncryptedData><enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>
              <enc:CipherData><enc:CipherReference URI="a.xhtml"/></enc:CipherData></enc:EncryptedData>
            </encryption>
            """));

        Assert.IsType<ExtractionResult.Encrypted>(Result(epub));
    }

    [Fact]
    public void Extract_OnlyFontsObfuscated_Read()
    {
        var epub = Book(("META-INF/encryption.xml", """
            <encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#">
             <enc:EncryptedData><enc:EncryptionMethod Algorithm="http://www.idpf.org/2008/embedding"/>
              <enc:CipherData><enc:CipherReference URI="fonts/a.otf"/></enc:CipherData></enc:EncryptedData>
            </encryption>
            """));

        Assert.Equal("Kapiteltext", ExtractionHelper.WholeText(Result(epub)).AllText());
    }

    [Fact]
    public void Extract_NoContainer_EveryHtmlEntryWithNote()
    {
        var epub = OcfZip.Create(OcfZip.Epub, ("x/b.html", "<p>B</p>"), ("style.css", "p{}"), ("x/a.xhtml", "<p>A</p>"));

        var text = ExtractionHelper.WholeText(Result(epub));

        Assert.Equal([("kapitel 1", "B"), ("kapitel 2", "A")], text.Segments.Select(s => (s.Location, s.Text)));
        Assert.Single(text.Notes);
    }

    [Fact]
    public void Extract_SpineItemMissing_NoteAndRest()
    {
        var opf = Opf.Replace("<itemref idref=\"a\"/>", "<itemref idref=\"gone\"/><itemref idref=\"b\"/><itemref idref=\"a\"/>", StringComparison.Ordinal)
            .Replace("</manifest>", "<item id=\"b\" href=\"saknas.xhtml\" media-type=\"application/xhtml+xml\"/></manifest>", StringComparison.Ordinal);
        var epub = OcfZip.Create(OcfZip.Epub, ("META-INF/container.xml", Container), ("book.opf", opf), ("a.xhtml", "<p>A</p>"));

        var text = ExtractionHelper.WholeText(Result(epub));

        Assert.Equal("A", Assert.Single(text.Segments).Text);
        Assert.Single(text.Notes);
    }

    [Theory]
    [InlineData("")]
    [InlineData("inte en zip")]
    public void Extract_NotAZip_Corrupt(string content)
    {
        Assert.IsType<ExtractionResult.Corrupt>(Result(System.Text.Encoding.UTF8.GetBytes(content)));
    }

    [Theory]
    [InlineData("OEBPS/", "Text/k1.xhtml", "OEBPS/Text/k1.xhtml")]
    [InlineData("OEBPS/", "k%202.xhtml#avsnitt", "OEBPS/k 2.xhtml")]
    [InlineData("OEBPS/Text/", "../k.xhtml", "OEBPS/k.xhtml")]
    [InlineData("", "./k.xhtml", "k.xhtml")]
    [InlineData("a/", "../../../k.xhtml", "k.xhtml")]
    [InlineData("a/", "/b/k.xhtml", "b/k.xhtml")]
    public void Resolve_Href_EntryName(string baseDir, string href, string expected)
    {
        Assert.Equal(expected, EpubExtractor.Resolve(baseDir, href));
    }

    [Theory]
    [InlineData("a.epub")]
    [InlineData("a.zip")]
    [InlineData("utan-filändelse")]
    public void Select_EpubMimetypeFirst_EpubWhateverTheName(string name)
    {
        Assert.IsType<EpubExtractor>(ExtractionHelper.Select(name, Book()));
    }
}
