using ClassScan.Core.Documents;
using ClassScan.Extraction.Biff;
using static ClassScan.Extraction.Tests.Excel.XlsbBuilder;
using U = ClassScan.Extraction.Tests.Excel.XlsBuilder;

namespace ClassScan.Extraction.Tests.Excel;

/// <summary>Excel binary workbooks (.xlsb): golden.xlsb (written by Golden/make_golden.py) and packages from <see cref="XlsbBuilder"/>.</summary>
public class XlsbExtractorTests
{
    private static ExtractionResult Result(byte[] xlsb, ExtractionLimits? limits = null) =>
        ExtractionHelper.Result(XlsbExtractor.Instance, xlsb, limits);

    private static ExtractedText Extract(byte[] xlsb) => ExtractionHelper.WholeText(Result(xlsb));

    private static string Cells(ExtractedText text, string sheet) =>
        Assert.Single(text.OfKind(SegmentKind.Cell), s => s.Location == $"blad '{sheet}'").Text;

    [Theory]
    [InlineData("bok.xlsb")]
    [InlineData("bok")]      // no extension: the local headers name xl/workbook.bin
    [InlineData("bok.xlsx")] // misnamed: the OOXML extractor hands over
    public void Extract_BinaryWorkbookByNameOrContent_Read(string name)
    {
        var xlsb = new XlsbBuilder().Shared("Tolvan").Sheet("Blad1", Row(0), Record(7, Cell(0), U.U32(0))).Build();

        var text = ExtractionHelper.SelectAndRun(name, xlsb);

        Assert.Equal("Tolvan", Cells(text, "Blad1"));
    }

    [Fact]
    public void Extract_Selector_NamedXlsbResolves()
    {
        Assert.Same(XlsbExtractor.Instance, ExtractorSelector.Default.Named("xlsb"));
    }

    [Fact]
    public void Extract_GoldenXlsb_NumbersDatesCommentsHeaders()
    {
        var text = Extract(XlsExtractorTests.Golden("golden.xlsb"));

        var lines = Cells(text, "Elevlista").Split('\n');
        Assert.Equal("Tolvan Tolvansson\t191212121212\t2024-03-15\t1234.50", lines[1]);
        Assert.Equal("Vetenskaplig form\t191212121212\t50%", lines[2]);
        Assert.Contains("19121212-1212", lines[4], StringComparison.Ordinal);
        Assert.Equal("Kontrollera uppgiften", Assert.Single(text.OfKind(SegmentKind.Comment), s => s.Location == "blad 'Elevlista' kommentar").Text);
        Assert.Equal("Elevregister HT24", Assert.Single(text.OfKind(SegmentKind.Header), s => s.Location == "blad 'Elevlista' sidhuvud").Text);
    }

    [Fact]
    public void Extract_CellKinds_AsDisplayed()
    {
        var xlsb = new XlsbBuilder().Sheet("Blad1",
                Row(0), Record(2, Cell(0), U.U32((1234u << 2) | 2)), Record(2, Cell(1), U.U32((12345u << 2) | 3)),
                Row(1), Record(4, Cell(0), [1]), Record(4, Cell(1), [0]), Record(3, Cell(2), [0x07]),
                Row(2), Record(6, Cell(0), WideString("Åsa")), Record(8, Cell(1), WideString("Sekretess OSL"), new byte[6]),
                Record(9, Cell(2), BitConverter.GetBytes(2.5), new byte[6]), Record(62, Cell(3), [0], WideString("rik")))
            .Build();

        Assert.Equal("1234\t123.45\nTRUE\tFALSE\t#DIV/0!\nÅsa\tSekretess OSL\t2.5\trik", Cells(Extract(xlsb), "Blad1"));
    }

    [Theory]
    [InlineData(5)]           // shared-string index past the table
    [InlineData(0x7FFFFFFF)]
    public void Extract_SharedStringIndexOutOfRange_Skipped(uint index)
    {
        var xlsb = new XlsbBuilder().Shared("a").Sheet("Blad1", Row(0), Record(7, Cell(0), U.U32(index)), Record(7, Cell(1), U.U32(0))).Build();

        Assert.Equal("a", Cells(Extract(xlsb), "Blad1"));
    }

    [Fact]
    public void Extract_StringLongerThanRecord_Skipped()
    {
        var xlsb = new XlsbBuilder().Sheet("Blad1", Row(0), Record(6, Cell(0), U.U32(1_000_000), new byte[10]), Record(6, Cell(1), WideString("kvar"))).Build();

        Assert.Equal("kvar", Cells(Extract(xlsb), "Blad1"));
    }

    [Theory]
    [InlineData(50_000_000)]  // buffered: the buffer grows with the bytes that arrive, not with the claim
    [InlineData(200_000_000)] // beyond what is ever buffered: skipped
    public void Extract_RecordClaimsHugeSize_PartEndsTextBeforeKept(int size)
    {
        var xlsb = new XlsbBuilder().Sheet("Blad1", Row(0), Record(6, Cell(0), WideString("före")), RecordWithSize(6, size, Cell(1))).Build();

        Assert.Equal("före", Cells(Extract(xlsb), "Blad1"));
    }

    [Fact]
    public void Extract_NoWorkbookPart_Corrupt()
    {
        var ex = Assert.IsType<ExtractionResult.Corrupt>(Result(new XlsbBuilder().Sheet("Blad1", Row(0)).WithoutWorkbook().Build()));

        Assert.Contains("workbook.bin", ex.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0 })]
    [InlineData(new byte[0])]
    public void Extract_NotAZip_Corrupt(byte[] content)
    {
        Assert.IsType<ExtractionResult.Corrupt>(Result(content));
    }

    [Fact]
    public void Extract_TextBeyondLimit_PartialText()
    {
        var rows = Enumerable.Range(0, 100).SelectMany(i => new[] { Row((uint)i), Record(6, Cell(0), WideString(new string('x', 100))) }).ToArray();
        var xlsb = new XlsbBuilder().Sheet("Blad1", rows).Build();

        var partial = Assert.IsType<ExtractionResult.PartialText>(Result(xlsb, ExtractionLimits.Default with { MaxExtractedChars = 3000 }));

        Assert.InRange(partial.Content.TotalChars, 1, 3000);
    }

    [Fact]
    public void Extract_CorePropertiesAndSensitivityLabel_MetadataSegment()
    {
        const string Core = "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
            + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>Elevlista</dc:title><dc:creator>S*** N*****</dc:creator></cp:coreProperties>";
        const string Custom = "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties\" "
            + "xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\"><property fmtid=\"{D5CDD505-2E9C-101B-9397-08002B2CF9AE}\" pid=\"2\" "
            + "name=\"MSIP_Label_1_Name\"><vt:lpwstr>Känslig</vt:lpwstr></property></Properties>";
        var xlsb = new XlsbBuilder().Sheet("Blad1", Row(0))
            .Part("docProps/core.xml", Core, "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties")
            .Part("docProps/custom.xml", Custom, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties")
            .Build();

        var metadata = Assert.Single(Extract(xlsb).OfKind(SegmentKind.Metadata));

        Assert.Equal("dokumentegenskaper", metadata.Location);
        Assert.Equal("Titel: Elevlista\nMSIP_Label_1_Name: Känslig", metadata.Text); // the author is left out
    }

    [Fact]
    public void Extract_MalformedPropertiesPart_NoteTextKept()
    {
        var xlsb = new XlsbBuilder().Sheet("Blad1", Row(0), Record(6, Cell(0), WideString("kvar")))
            .Part("docProps/core.xml", "<cp:coreProperties><dc:title>", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties")
            .Build();

        var text = Extract(xlsb);

        Assert.Equal("kvar", Cells(text, "Blad1"));
        Assert.Contains("dokumentegenskaperna kunde inte läsas", text.Notes);
    }

    [Fact]
    public void Extract_SheetPartCompressedBeyondRatio_LimitReached()
    {
        // 4 MB of one repeated cell deflate to a few KB: a bomb among the binary parts ZipGuard does not weigh.
        var cell = XlsBuilder.Concat(Row(0), Record(6, Cell(0), WideString(new string('x', 1000))));
        var xlsb = new XlsbBuilder().Sheet("Blad1", Enumerable.Repeat(cell, 4 * 1024 * 1024 / cell.Length).ToArray()).Build();

        var limit = Assert.IsType<ExtractionResult.LimitReached>(Result(xlsb));

        Assert.Equal(nameof(ExtractionLimits.MaxCompressionRatio), limit.LimitName);
    }

    [Fact]
    public void Extract_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => ExtractionHelper.Result(XlsbExtractor.Instance, XlsExtractorTests.Golden("golden.xlsb"), ct: cts.Token));
    }
}
