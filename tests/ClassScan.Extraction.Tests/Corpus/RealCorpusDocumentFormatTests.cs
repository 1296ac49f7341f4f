using ClassScan.Core.Documents;
using ClassScan.Extraction.Epub;
using ClassScan.Extraction.OpenDocument;
using ClassScan.Extraction.Rtf;
using ClassScan.TestSupport;

namespace ClassScan.Extraction.Tests.Corpus;

/// <summary>Facts about the real RTF, OpenDocument and EPUB files of ../shared/corpus/real (MANIFEST.tsv); not exact text.</summary>
[Trait("Category", "Shared")]
public class RealCorpusDocumentFormatTests
{
    public static TheoryData<string, Type> Files() => new()
    {
        { "other/poi__message.rtf", typeof(RtfExtractor) },
        { "other/tika__testRTF-ms932.rtf", typeof(RtfExtractor) },
        { "other/tika__testRTF.rtf", typeof(RtfExtractor) },
        { "other/tika__testRTFCorruptListOverride.rtf", typeof(RtfExtractor) },
        { "other/tika__testRTFJapanese.rtf", typeof(RtfExtractor) },
        { "other/tika__testRTFVarious.rtf", typeof(RtfExtractor) },
        { "other/tika__testRTFWindowsCodepage1250.rtf", typeof(RtfExtractor) },
        { "other/tika__testRTFWord2010CzechCharacters.rtf", typeof(RtfExtractor) },
        { "other/unstructured__eng_spa_mult.rtf", typeof(RtfExtractor) },
        { "other/unstructured__fake-doc.rtf", typeof(RtfExtractor) },
        { "other/docling__text_document_01.odt", typeof(OpenDocumentExtractor) },
        { "other/tika__testFooter.odt", typeof(OpenDocumentExtractor) },
        { "other/tika__testNPEOpenDocument.odt", typeof(OpenDocumentExtractor) },
        { "other/tika__testODFwithOOo3.odt", typeof(OpenDocumentExtractor) },
        { "other/tika__testOpenOffice2.odt", typeof(OpenDocumentExtractor) },
        { "other/unstructured__fake.odt", typeof(OpenDocumentExtractor) },
        { "other/docling__odf_table_with_title_01.ods", typeof(OpenDocumentExtractor) },
        { "other/poi__SampleSS.ods", typeof(OpenDocumentExtractor) },
        { "other/docling__odf_presentation_01.odp", typeof(OpenDocumentExtractor) },
        { "other/docling__epub_purvis_poetry.epub", typeof(EpubExtractor) },
        { "other/tika__testEPUB.epub", typeof(EpubExtractor) },
        { "other/unstructured__winter-sports.epub", typeof(EpubExtractor) },
    };

    [SharedTheory]
    [MemberData(nameof(Files))]
    public void Extract_RealDocument_ItsExtractorReadsText(string file, Type extractor)
    {
        var bytes = File.ReadAllBytes(RealCorpus.PathOf(file));

        Assert.IsType(extractor, ExtractionHelper.Select(Path.GetFileName(file), bytes));
        Assert.False(RealCorpus.Extract(file).IsBlank);
    }

    [SharedTheory]
    [InlineData("other/tika__testRTFWindowsCodepage1250.rtf", "zażółć gęślą jaźń")]
    [InlineData("other/tika__testRTF-ms932.rtf", "こんにちは")]
    [InlineData("other/tika__testRTFJapanese.rtf", "ゾルゲと尾崎、淡々と最期")]
    [InlineData("other/tika__testRTFWord2010CzechCharacters.rtf", "Článek týdne")]
    [InlineData("other/tika__testRTFVarious.rtf", "𐌲𐌿𐍄𐌹𐍃𐌺")]
    public void Extract_RtfInItsCodePage_DecodedRight(string file, string expected)
    {
        Assert.Contains(expected, RealCorpus.Extract(file).AllText(), StringComparison.Ordinal);
    }

    [SharedFact]
    public void Extract_RtfWithHeaderFooterFootnoteTextBox_OwnSegments()
    {
        var text = RealCorpus.Extract("other/tika__testRTFVarious.rtf");

        Assert.Equal("This is the header text.", Assert.Single(text.OfKind(SegmentKind.Header)).Text);
        Assert.Equal("This is the footer text.", Assert.Single(text.OfKind(SegmentKind.Footer)).Text);
        Assert.Contains("This is a footnote.", Assert.Single(text.OfKind(SegmentKind.Footnote)).Text, StringComparison.Ordinal);
        Assert.Equal("Here is a text box", Assert.Single(text.OfKind(SegmentKind.TextBox)).Text);
        Assert.Equal("Row 1 Col 1\tRow 1 Col 2\tRow 1 Col 3\nRow 2 Col 1\tRow 2 Col 2\tRow 2 Col 3",
            Assert.Single(text.OfKind(SegmentKind.Table)).Text);
    }

    [SharedFact]
    public void Extract_OdtFooter_FooterSegment()
    {
        Assert.Equal("Here is footer text", Assert.Single(RealCorpus.Extract("other/tika__testFooter.odt").OfKind(SegmentKind.Footer)).Text);
    }

    [SharedFact]
    public void Extract_OdtWithNotesCommentsAndTrackedDeletion_OwnSegments()
    {
        var text = RealCorpus.Extract("other/tika__testODFwithOOo3.odt");

        Assert.Equal("This is of course a simple footnote", Assert.Single(text.OfKind(SegmentKind.Footnote)).Text);
        Assert.Equal("Tika is part of the Lucene project.", Assert.Single(text.OfKind(SegmentKind.Comment)).Text);
        Assert.Contains(text.Segments, s => s.Location == "brödtext (borttagen text)");
    }

    [SharedFact]
    public void Extract_OdsSheets_NamesAndCells()
    {
        var text = RealCorpus.Extract("other/poi__SampleSS.ods");

        Assert.Equal(["First Sheet", "Sheet Number 2", "Sheet3"], text.OfKind(SegmentKind.SheetName).Select(s => s.Text));
        Assert.Contains("1\t10\t2\t13", Assert.Single(text.OfKind(SegmentKind.Cell), s => s.Location == "blad 'Sheet Number 2'").Text,
            StringComparison.Ordinal);
    }

    [SharedFact]
    public void Extract_OdpSlides_SlidesAndNotes()
    {
        var text = RealCorpus.Extract("other/docling__odf_presentation_01.odp");

        Assert.Equal(["bild 1", "bild 2", "bild 3"], text.OfKind(SegmentKind.Body).Select(s => s.Location));
        Assert.Equal("Some notes on the second slide.", Assert.Single(text.OfKind(SegmentKind.Notes), s => s.Location == "bild 2 anteckningar").Text);
    }

    [SharedFact]
    public void Extract_Epub_ChaptersInSpineOrder()
    {
        var text = RealCorpus.Extract("other/tika__testEPUB.epub");

        var chapters = text.OfKind(SegmentKind.Body).ToList();
        Assert.Equal(["kapitel 2", "kapitel 3", "kapitel 4"], chapters.Select(s => s.Location));
        Assert.StartsWith("Chapter 1\nThis is the text for chapter One", chapters[1].Text, StringComparison.Ordinal);
        Assert.Contains("Titel: An ePub  for Tika", text.OfKind(SegmentKind.Metadata).Single().Text, StringComparison.Ordinal);
    }
}
