using ClassScan.Core.Documents;
using ClassScan.Extraction.Rtf;

namespace ClassScan.Extraction.Tests.Rtf;

/// <summary>Golden RTF files of two writers' dialects (Rtf/Golden, made by make-golden.sh).</summary>
public class RtfExtractorTests
{
    private static ExtractedText Golden(string name) =>
        ExtractionHelper.SelectAndRun(name, Tests.Golden.Read("Rtf", name));

    private static (SegmentKind, string, string)[] Segments(ExtractedText text) =>
        [.. text.Segments.Select(s => (s.Kind, s.Location, s.Text))];

    [Fact]
    public void Extract_WordStyleRtf_GoldenSegments()
    {
        var text = Golden("beslut.rtf");

        Assert.Equal(
            [
                (SegmentKind.Body, "brödtext", "Beslut för Åsa Ängström Öberg\nTolk: Łukasz Nowak, Łodz."),
                (SegmentKind.Table, "tabell 1", "Namn\tPersonnummer\nTolvan Tolvansson\t19121212-1212"),
                (SegmentKind.Body, "brödtext", "Beslutet kan överklagas."),
                (SegmentKind.Header, "sidhuvud", "Sekretess enligt 26 kap. 1 § OSL\nPersonnummer 19121212-1212"),
                (SegmentKind.Footer, "sidfot", "Sida 1"),
                (SegmentKind.Footnote, "fotnot", " Se 16 kap. SoL."),
                (SegmentKind.Body, "brödtext (dold text)", " HEMLIGDOLD 19121212-1212"),
                (SegmentKind.Metadata, "dokumentegenskaper", "Titel: Beslut om bistånd\nÄmne: Ekonomiskt bistånd"),
            ],
            Segments(text));
    }

    [Fact]
    public void Extract_HiddenText_ReadInItsOwnSegment()
    {
        var text = Golden("beslut.rtf");
        var all = text.AllText();

        // Hidden is not gone: the words are in the file, one click from view.
        var hidden = Assert.Single(text.Segments, s => s.Location == "brödtext (dold text)");
        Assert.Contains("HEMLIGDOLD 19121212-1212", hidden.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(text.Segments, s => s.Location == "brödtext" && s.Text.Contains("HEMLIGDOLD", StringComparison.Ordinal));
        Assert.DoesNotContain("Handläggare", all, StringComparison.Ordinal);
        Assert.DoesNotContain("89504e47", all, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_LibreOfficeRtf_GoldenSegments()
    {
        var text = Golden("utredning.rtf");

        Assert.Equal(
            [
                (SegmentKind.Body, "brödtext", "\tUtredning\nSökande: Åsa Ängström Öberg, tolk Łukasz   Nowak.\nSynligt slut.\tEfter tabb\nNy rad\nGranskad."),
                (SegmentKind.Table, "tabell 1", "Namn\tPersonnummer\nTolvan Tolvansson\t19121212-1212"),
                (SegmentKind.TextBox, "textruta 1", "Textruta med text."),
                (SegmentKind.Body, "brödtext", "Efter tabellen.\nSlutnot"),
                (SegmentKind.Header, "sidhuvud", "Sekretess enligt 26 kap. 1 § OSL – 19121212-1212"),
                (SegmentKind.Footer, "sidfot", "Tolvan Tolvansson, 19121212-1212"),
                (SegmentKind.Footnote, "fotnot", "\tFotnot om beslutet."),
                (SegmentKind.Endnote, "slutnot", "\tSlutnot om lagrum."),
                (SegmentKind.Comment, "kommentar", "Kommentar från granskare."),
                (SegmentKind.Body, "brödtext (dold text)", "HEMLIGDOLD"),
                (SegmentKind.Metadata, "dokumentegenskaper", "Titel: Utredning enligt SoL\nÄmne: Bistånd\nNyckelord: individärende"),
            ],
            Segments(text));
    }

    [Theory]
    [InlineData("meddelandetext.rtf")]
    [InlineData("sparad-som-word.doc")]
    [InlineData("utan-filändelse")]
    [InlineData("anteckning.txt")]
    public void Select_RtfMagic_RtfWhateverTheName(string name)
    {
        Assert.IsType<RtfExtractor>(ExtractionHelper.Select(name, Tests.Golden.Read("Rtf", "beslut.rtf")));
    }

    [Fact]
    public void Select_RtfExtensionWithoutMagic_RtfSoItReportsCorrupt()
    {
        var bytes = "inte rtf"u8.ToArray();

        Assert.IsType<RtfExtractor>(ExtractionHelper.Select("a.rtf", bytes));
        Assert.IsType<ExtractionResult.Corrupt>(ExtractionHelper.Result(RtfExtractor.Instance, bytes));
    }
}
