using ClassScan.Core.Documents;
using ClassScan.Extraction.OpenXml;
using ClassScan.TestSupport.Documents;

namespace ClassScan.Extraction.Tests.OpenXml;

public class PowerPointExtractorTests
{
    [Fact]
    public void Extract_SlidesNotesAndComments_LocatedPerSlide()
    {
        var pptx = new PptxBuilder()
            .Slide("Rubrik ett", "Punkt ett")
            .Notes("Talarens anteckning om 19121212-1212")
            .Slide("Rubrik två")
            .Comment("Granska denna bild")
            .Build();

        var text = ExtractionHelper.Run(PowerPointExtractor.Instance, pptx);

        Assert.Equal("Rubrik ett\nPunkt ett", Assert.Single(text.Segments, s => s.Location == "bild 1").Text);
        var notes = Assert.Single(text.OfKind(SegmentKind.Notes));
        Assert.Equal("bild 1 anteckningar", notes.Location);
        Assert.Contains("19121212-1212", notes.Text, StringComparison.Ordinal);
        Assert.Equal("Rubrik två", Assert.Single(text.Segments, s => s.Location == "bild 2").Text);
        Assert.Equal("Granska denna bild", Assert.Single(text.OfKind(SegmentKind.Comment), s => s.Location == "bild 2 kommentar").Text);
    }

    [Fact]
    public void Extract_DocxNamedPptx_ReadAsWord()
    {
        var text = ExtractionHelper.Run(PowerPointExtractor.Instance, TestDocuments.Docx("Egentligen Word"));

        Assert.Equal("Egentligen Word", Assert.Single(text.OfKind(SegmentKind.Body)).Text);
    }

    [Fact]
    public void Extract_ZipWithoutPresentation_Corrupt()
    {
        Assert.IsType<ExtractionResult.Corrupt>(ExtractionHelper.Result(PowerPointExtractor.Instance, WordExtractorTests.ZipWith(("a.txt", "x"))));
    }
}
