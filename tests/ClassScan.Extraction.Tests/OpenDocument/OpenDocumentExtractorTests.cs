using System.Diagnostics;
using System.Text;
using ClassScan.Core.Documents;
using ClassScan.Extraction.OpenDocument;

namespace ClassScan.Extraction.Tests.OpenDocument;

/// <summary>Golden ODF files (OpenDocument/Golden, LibreOffice's packages of the flat sources) and hostile packages.</summary>
public class OpenDocumentExtractorTests
{
    private static ExtractedText Golden(string name) => ExtractionHelper.SelectAndRun(name, Tests.Golden.Read("OpenDocument", name));

    private static (SegmentKind, string, string)[] Segments(ExtractedText text) =>
        [.. text.Segments.Select(s => (s.Kind, s.Location, s.Text))];

    private static ExtractionResult Result(byte[] package, ExtractionLimits? limits = null) =>
        ExtractionHelper.Result(OpenDocumentExtractor.Instance, package, limits);

    private static readonly (SegmentKind, string, string)[] Utredning =
    [
        (SegmentKind.Body, "brödtext", "Utredning\nSökande: Åsa Ängström Öberg, tolk Łukasz   Nowak.\nSynligt slut.\tEfter tabb\nNy rad\nGranskad."),
        (SegmentKind.Table, "tabell 1", "Namn\tPersonnummer\nTolvan Tolvansson\t19121212-1212"),
        (SegmentKind.TextBox, "textruta 1", "Textruta med text."),
        (SegmentKind.Body, "brödtext", "Efter tabellen.\nSlutnot"),
        (SegmentKind.Header, "sidhuvud", "Sekretess enligt 26 kap. 1 § OSL – 19121212-1212"),
        (SegmentKind.Footer, "sidfot", "Tolvan Tolvansson, 19121212-1212"),
        (SegmentKind.Body, "brödtext (dold text)", "HEMLIGDOLD"),
        (SegmentKind.Footnote, "fotnot", "Fotnot om beslutet."),
        (SegmentKind.Comment, "kommentar", "Kommentar från granskare."),
        (SegmentKind.Endnote, "slutnot", "Slutnot om lagrum."),
        (SegmentKind.Metadata, "dokumentegenskaper", "Titel: Utredning enligt SoL\nÄmne: Bistånd\nNyckelord: individärende"),
    ];

    [Theory]
    [InlineData("utredning.odt")]
    [InlineData("utredning.fodt")]
    public void Extract_TextDocument_GoldenSegments(string name)
    {
        Assert.Equal(Utredning, Segments(Golden(name)));
    }

    [Fact]
    public void Extract_HiddenSpanInItsOwnSegment_AuthorsNotRead()
    {
        var text = Golden("utredning.odt");
        var all = text.AllText();

        Assert.Contains(text.Segments, s => s.Location == "brödtext (dold text)" && s.Text.Contains("HEMLIGDOLD", StringComparison.Ordinal));
        Assert.DoesNotContain(text.Segments, s => s.Location == "brödtext" && s.Text.Contains("HEMLIGDOLD", StringComparison.Ordinal));
        Assert.DoesNotContain("Hansson", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Granskare", all, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("elevlista.ods", true)]
    [InlineData("elevlista.fods", false)]
    public void Extract_Spreadsheet_NumberCellRepeatedCellsAndSheets(string name, bool libreOfficeDefaultFooter)
    {
        (SegmentKind, string, string)[] expected =
        [
            (SegmentKind.SheetName, "blad 'Elever'", "Elever"),
            (SegmentKind.Cell, "blad 'Elever'",
                "Namn\tPersonnummer\tKontroll\nTolvan Tolvansson\t191212121212\t19121212-1212\t19121212-1212\t19121212-1212\nSamma rad\nSamma rad"),
            (SegmentKind.SheetName, "blad 'Tomt blad'", "Tomt blad"),
            .. libreOfficeDefaultFooter ? [(SegmentKind.Footer, "sidfot", "Page")] : Array.Empty<(SegmentKind, string, string)>(),
            (SegmentKind.Comment, "blad 'Elever' kommentar", "Kontrollera numret"),
            (SegmentKind.Metadata, "dokumentegenskaper", "Titel: Elevlista"),
        ];

        Assert.Equal(expected, Segments(Golden(name)));
    }

    [Theory]
    [InlineData("presentation.odp")]
    [InlineData("presentation.fodp")]
    public void Extract_Presentation_SlidesAndNotes(string name)
    {
        Assert.Equal(
            [
                (SegmentKind.Body, "bild 1", "Elevhälsans arbete\nRutiner för samverkan"),
                (SegmentKind.Body, "bild 2", "Ärenden"),
                (SegmentKind.Notes, "bild 2 anteckningar", "Tolvan Tolvansson 19121212-1212 följs upp."),
            ],
            Segments(Golden(name)));
    }

    [Fact]
    public void Extract_HugeRepeats_BoundedAndFast()
    {
        // A whole-sheet style: one cell repeated across all 16384 columns, one row repeated over a million rows.
        var package = OcfZip.Content(OcfZip.Ods, """
            <office:spreadsheet><table:table table:name="Blad1">
            <table:table-row table:number-rows-repeated="1048576">
              <table:table-cell table:number-columns-repeated="16384" office:value-type="string"><text:p>x</text:p></table:table-cell>
            </table:table-row>
            <table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>
            </table:table></office:spreadsheet>
            """);
        var sw = Stopwatch.StartNew();

        var text = ExtractionHelper.Run(OpenDocumentExtractor.Instance, package);

        var cells = Assert.Single(text.OfKind(SegmentKind.Cell)).Text;
        var row = string.Join('\t', Enumerable.Repeat("x", OdfWalker.MaxRepeat));
        Assert.Equal(string.Join('\n', Enumerable.Repeat(row, OdfWalker.MaxRepeat)), cells);
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(5), sw.Elapsed.ToString());
    }

    [Fact]
    public void Extract_LongCellRepeated_CopiesStopEarly()
    {
        var cell = new string('x', 200_000);
        var package = OcfZip.Content(OcfZip.Ods, $"""
            <office:spreadsheet><table:table table:name="B"><table:table-row table:number-rows-repeated="1000">
            <table:table-cell table:number-columns-repeated="16384" office:value-type="string"><text:p>{cell}</text:p></table:table-cell>
            </table:table-row></table:table></office:spreadsheet>
            """);

        var cells = ExtractionHelper.Run(OpenDocumentExtractor.Instance, package).OfKind(SegmentKind.Cell).Sum(s => s.Text.Length);

        Assert.InRange(cells, cell.Length * 2, 2 * 1024 * 1024);
    }

    [Fact]
    public void Extract_CellWithValueButNoText_ValueRead()
    {
        var package = OcfZip.Content(OcfZip.Ods, """
            <office:spreadsheet><table:table table:name="B"><table:table-row>
            <table:table-cell office:value-type="float" office:value="191212121212"/><table:table-cell office:value-type="string"><text:p>a</text:p></table:table-cell>
            </table:table-row></table:table></office:spreadsheet>
            """);

        Assert.Equal("191212121212\ta", ExtractionHelper.Run(OpenDocumentExtractor.Instance, package).OfKind(SegmentKind.Cell).Single().Text);
    }

    [Theory]
    [InlineData("191212121212", "1,91212E+11", "1,91212E+11 (191212121212)")]
    [InlineData("191212121212", "191 212 121 212", "191 212 121 212")]
    [InlineData("191212121212", "191212121212", "191212121212")]
    [InlineData("12.5", "12,5", "12,5")]
    [InlineData("123456789", "1,23E+08", "1,23E+08")]
    public void Extract_FloatCell_LongWholeNumberInFullDigits(string value, string shown, string expected)
    {
        var package = OcfZip.Content(OcfZip.Ods, $"""
            <office:spreadsheet><table:table table:name="B"><table:table-row>
            <table:table-cell office:value-type="float" office:value="{value}"><text:p>{shown}</text:p></table:table-cell>
            </table:table-row></table:table></office:spreadsheet>
            """);

        Assert.Equal(expected, ExtractionHelper.Run(OpenDocumentExtractor.Instance, package).OfKind(SegmentKind.Cell).Single().Text);
    }

    [Fact]
    public void Extract_EncryptedManifest_Encrypted()
    {
        var package = OcfZip.Create(OcfZip.Odt,
            ("META-INF/manifest.xml", """
                <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">
                 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">
                  <manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="AAAA">
                   <manifest:algorithm manifest:algorithm-name="http://www.w3.org/2001/04/xmlenc#aes256-cbc" manifest:initialisation-vector="AAAA"/>
                  </manifest:encryption-data>
                 </manifest:file-entry>
                </manifest:manifest>
                """),
            ("content.xml", "\u0001\u0002 ciphertext"));

        Assert.IsType<ExtractionResult.Encrypted>(Result(package));
    }

    [Theory]
    [InlineData("no-content")]
    [InlineData("malformed")]
    [InlineData("dtd")]
    [InlineData("deep")]
    [InlineData("flat-garbage")]
    [InlineData("not-odf-xml")]
    public void Extract_BrokenOrHostile_CorruptWithoutContent(string kind)
    {
        byte[] input = kind switch
        {
            "no-content" => OcfZip.Create(OcfZip.Odt, ("styles.xml", "<a/>")),
            "malformed" => OcfZip.Create(OcfZip.Odt, ("content.xml", OcfZip.ContentHead + "<office:body><office:text><text:p>19121212-1212")),
            "dtd" => OcfZip.Create(OcfZip.Odt, ("content.xml", """<!DOCTYPE x [<!ENTITY a "19121212-1212">]><x>&a;</x>""")),
            "deep" => OcfZip.Content(OcfZip.Odt, "<office:text>" + string.Concat(Enumerable.Repeat("<text:span>", OdfWalker.MaxDepth + 10)) + "19121212-1212"),
            "flat-garbage" => Encoding.UTF8.GetBytes("19121212-1212 is no XML"),
            _ => Encoding.UTF8.GetBytes("<html><body>19121212-1212</body></html>"),
        };

        var corrupt = Assert.IsType<ExtractionResult.Corrupt>(Result(input));
        Assert.DoesNotContain("1912", corrupt.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_TextPastLimit_PartialTextCutAtLimit()
    {
        var paragraphs = string.Concat(Enumerable.Repeat("<text:p>ord ord ord ord</text:p>", 20_000));
        var package = OcfZip.Content(OcfZip.Odt, "<office:text>" + paragraphs + "</office:text>");

        var partial = Assert.IsType<ExtractionResult.PartialText>(Result(package, new ExtractionLimits { MaxExtractedChars = 10_000 }));

        Assert.InRange(partial.Content.TotalChars, 9_000, 10_000);
    }

    [Fact]
    public void Extract_Cancelled_Throws()
    {
        var package = OcfZip.Content(OcfZip.Odt, "<office:text>" + string.Concat(Enumerable.Repeat("<text:p>ord</text:p>", 5_000)) + "</office:text>");
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => ExtractionHelper.Result(OpenDocumentExtractor.Instance, package, ct: cts.Token));
    }

    [Theory]
    [InlineData("a.odt")]
    [InlineData("a.zip")]
    [InlineData("a.docx")]
    [InlineData("utan-filändelse")]
    public void Select_MimetypeFirst_OpenDocumentWhateverTheName(string name)
    {
        Assert.IsType<OpenDocumentExtractor>(ExtractionHelper.Select(name, Tests.Golden.Read("OpenDocument", "utredning.odt")));
    }

    [Theory]
    [InlineData("a.ods")]
    [InlineData("a.ott")]
    [InlineData("a.fodt")]
    [InlineData("a.FODS")]
    public void Select_OpenDocumentExtension_OpenDocument(string name)
    {
        Assert.IsType<OpenDocumentExtractor>(ExtractionHelper.Select(name, OcfZip.Create(null, ("content.xml", "<a/>"))));
        Assert.IsType<OpenDocumentExtractor>(ExtractionHelper.Select(name, "<?xml version=\"1.0\"?>"u8.ToArray()));
    }
}
