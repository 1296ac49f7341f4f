using ClassScan.Core.Documents;
using ClassScan.Extraction.OpenXml;
using ClassScan.TestSupport.Documents;

namespace ClassScan.Extraction.Tests.OpenXml;

public class ExcelExtractorTests
{
    private static ExtractedText Extract(byte[] xlsx, ExtractionLimits? limits = null) =>
        ExtractionHelper.Run(ExcelExtractor.Instance, xlsx, limits);

    private static ExtractionResult Result(byte[] xlsx, ExtractionLimits? limits = null) =>
        ExtractionHelper.Result(ExcelExtractor.Instance, xlsx, limits);

    [Fact]
    public void Extract_NumericPersonnummerOnSecondSheet_FullDigits()
    {
        var xlsx = new XlsxBuilder()
            .Sheet("Översikt", s => s.Row("Ingenting här"))
            .Sheet("Lön", s => s.Row("Namn", "Personnummer").Row("Tolvan Tolvansson", 198112189876L))
            .Build();

        var text = Extract(xlsx);

        var cells = Assert.Single(text.OfKind(SegmentKind.Cell), s => s.Location == "blad 'Lön'");
        Assert.Equal("Namn\tPersonnummer\nTolvan Tolvansson\t198112189876", cells.Text);
        Assert.DoesNotContain("E+", text.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_SheetNames_AreSheetNameSegments()
    {
        var xlsx = new XlsxBuilder().Sheet("Elever", s => s.Row("a")).Sheet("Dold", s => s.Row("b").Hidden()).Build();

        var text = Extract(xlsx);

        Assert.Equal(["Elever", "Dold"], text.OfKind(SegmentKind.SheetName).Select(s => s.Text));
        Assert.Contains(text.OfKind(SegmentKind.Cell), s => s.Location == "blad 'Dold'" && s.Text == "b");
    }

    [Fact]
    public void Extract_FormattedNumbers_AsDisplayed()
    {
        var xlsx = new XlsxBuilder().Sheet("Blad1", s => s
            .Row(XlsxCell.Formatted(8112189876, "000000-0000"))
            .Row(new DateTime(2024, 3, 5))
            .Row(XlsxCell.Formatted(0.255, "0.0%"))
            .Row(XlsxCell.Formatted(1234.5, "#,##0.00"))
            .Row(12.5)
            .Row(true)
            .Row(XlsxCell.Inline("inline text"))).Build();

        var lines = Assert.Single(Extract(xlsx).OfKind(SegmentKind.Cell)).Text.Split('\n');

        Assert.Equal(["811218-9876", "2024-03-05", "25.5%", "1234.50", "12.5", "TRUE", "inline text"], lines);
    }

    [Fact]
    public void Extract_CommentsAndHeaderFooter_OwnKinds()
    {
        var xlsx = new XlsxBuilder().Sheet("Blad1", s => s
            .Row("a")
            .Comment("A1", "Cellkommentar")
            .Header("&LSekretess&RSida &P")
            .Footer("&CSidfot")).Build();

        var text = Extract(xlsx);

        Assert.Equal("Cellkommentar", Assert.Single(text.OfKind(SegmentKind.Comment)).Text);
        Assert.Equal("blad 'Blad1' kommentar", text.OfKind(SegmentKind.Comment).Single().Location);
        Assert.Equal("Sekretess Sida", Assert.Single(text.OfKind(SegmentKind.Header)).Text);
        Assert.Equal("Sidfot", Assert.Single(text.OfKind(SegmentKind.Footer)).Text);
    }

    [Fact]
    public void Extract_ManyRows_FewSegments()
    {
        var xlsx = new XlsxBuilder().Sheet("Stor", s =>
        {
            for (int i = 0; i < 5000; i++) s.Row("rad", i, 190000000000L + i);
        }).Build();

        var cells = Extract(xlsx).OfKind(SegmentKind.Cell).ToList();

        Assert.InRange(cells.Count, 1, 5);
        Assert.Contains("rad\t4999\t190000004999", string.Concat(cells.Select(c => c.Text)), StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_DtdInSharedStrings_CorruptNoExpansion()
    {
        const string bomb = """
            <?xml version="1.0"?>
            <!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
            <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&b;</t></si></sst>
            """;
        var xlsx = WordExtractorTests.ReplaceEntry(new XlsxBuilder().Sheet("B", s => s.Row("x")).Build(), "xl/sharedStrings.xml", bomb);

        Assert.IsType<ExtractionResult.Corrupt>(Result(xlsx));
    }

    [Fact]
    public void Extract_SharedStringsBeyondTextLimit_ThrowsLimit()
    {
        var xlsx = new XlsxBuilder().Sheet("B", s =>
        {
            for (int i = 0; i < 100; i++) s.Row($"unik sträng nummer {i} " + new string('x', 100));
        }).Build();

        var ex = Assert.IsType<ExtractionResult.PartialText>(Result(xlsx, ExtractionLimits.Default with { MaxExtractedChars = 2000 }));
        Assert.True(ex.Content.Truncated);
        Assert.InRange(ex.Content.TotalChars, 0, 2000);
    }
}
