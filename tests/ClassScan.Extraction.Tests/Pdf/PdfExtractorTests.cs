using System.Text;
using ClassScan.Core.Documents;
using ClassScan.Extraction.Pdf;
using ClassScan.TestSupport.Documents;

namespace ClassScan.Extraction.Tests.Pdf;

public class PdfExtractorTests
{
    private static ExtractedText Extract(byte[] pdf, ExtractionLimits? limits = null) =>
        ExtractionHelper.Run(PdfExtractor.Instance, pdf, limits);

    private static ExtractionResult Result(byte[] pdf, ExtractionLimits? limits = null) =>
        ExtractionHelper.Result(PdfExtractor.Instance, pdf, limits);

    [Fact]
    public void Extract_TextPerPage_LocatedAsSida()
    {
        var text = Extract(new PdfBuilder().Page("Första sidan", "Rad två").Page("Andra sidan åäö").Build());

        Assert.Equal(2, text.PageCount);
        Assert.Contains("Första sidan", Assert.Single(text.Segments, s => s.Location == "sida 1").Text, StringComparison.Ordinal);
        Assert.Contains("Andra sidan åäö", Assert.Single(text.Segments, s => s.Location == "sida 2").Text, StringComparison.Ordinal);
        Assert.Equal(0, text.PagesWithoutText);
        Assert.Empty(text.Notes);
    }

    [Fact]
    public void Extract_NumberSplitOverTextOperations_Contiguous()
    {
        var text = Extract(new PdfBuilder().PageWithRuns("Pnr ", "19121212", "-", "1212", " slut").Build());

        Assert.Contains("19121212-1212", text.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_PageWithoutText_CountedAndNoted()
    {
        var text = Extract(new PdfBuilder().BlankPage().Page("Text").BlankPage().Build());

        Assert.Equal(3, text.PageCount);
        Assert.Equal(2, text.PagesWithoutText);
        Assert.Equal([1, 3], text.TextlessPages);
        Assert.Contains("2 av 3 sidor saknar textlager (skannade?)", text.Notes);
    }

    [Fact]
    public void Extract_MorePagesThanLimit_ThrowsPageLimit()
    {
        var pdf = new PdfBuilder().Page("1").Page("2").Page("3").Build();

        var ex = Assert.IsType<ExtractionResult.LimitReached>(Result(pdf, ExtractionLimits.Default with { MaxPdfPages = 2 }));
        Assert.Equal(nameof(ExtractionLimits.MaxPdfPages), ex.LimitName);
    }

    [Fact]
    public void Extract_Garbage_Corrupt()
    {
        Assert.IsType<ExtractionResult.Corrupt>(Result("%PDF-1.7\nnot really a pdf"u8.ToArray()));
    }

    [Fact]
    public void Extract_CyclicFormXObjects_CorruptInsteadOfStackOverflow()
    {
        // Form 6 draws form 8 and form 8 draws form 6 (pdfminer issue 1113): PdfPig would recurse forever.
        var pdf = HandWrittenPdf(
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources << /XObject << /X1 5 0 R >> >> >>",
            Stream("<<>>", "/X1 Do"),
            Stream("<< /Subtype /Form /BBox [0 0 100 100] /Resources << /XObject << /X0 6 0 R >> >> >>", "/X0 Do"),
            Stream("<< /Subtype /Form /BBox [0 0 100 100] /Resources << /XObject << /X1 5 0 R >> >> >>", "/X1 Do"));

        var ex = Assert.IsType<ExtractionResult.Corrupt>(Result(pdf));
        Assert.Contains("cycle", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_XrefStreamWithOverflowingWidths_CorruptInsteadOfCrash()
    {
        var pdf = Encoding.Latin1.GetBytes("%PDF-1.5\n1 0 obj\n<< /Type /XRef /Size 2 /W [1 2 166666666666666666666] /Length 0 >>\nstream\n\nendstream\nendobj\nstartxref\n9\n%%EOF\n");

        Assert.IsType<ExtractionResult.Corrupt>(Result(pdf));
    }

    [Fact]
    public void Extract_CancelledToken_ThrowsOperationCanceled()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => ExtractionHelper.Run(PdfExtractor.Instance, TestDocuments.Pdf("x"), ct: cts.Token));
    }

    [Theory]
    [InlineData(3)] // a narrow column gap: 0.3 em at 10 pt
    [InlineData(40)]
    public void Extract_PersonnummerNextToDateInTableRow_TwoTokens(int columnGap)
    {
        // Cells placed by their own text matrix, with cell borders and a grey fill (paths and colour the
        // text-only factory skips). "19121212-1212" in Helvetica 10 pt is 70.05 pt wide.
        var dateX = 72 + 70.05 + columnGap;
        var pdf = OnePage(
            "0.9 g 70 682 160 14 re f 0 g 0.5 w 70 682 m 230 682 l S\n" +
            "BT /F1 10 Tf 1 0 0 1 72 700 Tm (Personnummer) Tj 1 0 0 1 " + F(dateX) + " 700 Tm (Datum) Tj ET\n" +
            "BT /F1 10 Tf 1 0 0 1 72 686 Tm (19121212-1212) Tj 1 0 0 1 " + F(dateX) + " 686 Tm (2024-01-15) Tj ET");

        var text = Assert.Single(Extract(pdf).Segments, s => s.Location == "sida 1").Text.ReplaceLineEndings("\n");

        Assert.Equal("Personnummer Datum\n19121212-1212 2024-01-15", text);
    }

    [Fact]
    public void Extract_NumberInOneTjWithKerning_OneToken()
    {
        // TJ kerning adjustments inside a number (a few thousandths of an em) are no word gap.
        var pdf = OnePage("BT /F1 10 Tf 72 700 Td [(1912) 12 (1212) -8 (-1212)] TJ ET");

        Assert.Equal("19121212-1212", Assert.Single(Extract(pdf).Segments, s => s.Location == "sida 1").Text);
    }

    [Fact]
    public void Extract_TjWithWideAdjustment_SpaceBetweenCells()
    {
        // A TJ that jumps a column (-3000/1000 em) separates the cells as PdfPig's content-order text does.
        var pdf = OnePage("BT /F1 10 Tf 72 700 Td [(19121212-1212) -3000 (2024-01-15)] TJ ET");

        Assert.Equal("19121212-1212 2024-01-15", Assert.Single(Extract(pdf).Segments, s => s.Location == "sida 1").Text);
    }

    [Fact]
    public void Extract_TimeBudgetPassedAfterFirstPage_PartialTextOfPagesRead()
    {
        // The clock moves 10 s at every reading: start 10, before page 1 20 (10 s used), before page 2 30 (20 s).
        var extractor = new PdfExtractor(new SteppingClock(TimeSpan.FromSeconds(10)));
        var pdf = new PdfBuilder().Page("Första sidan").Page("Andra sidan").Page("Tredje sidan").Build();

        var result = ExtractionHelper.Result(extractor, pdf, ExtractionLimits.Default with { MaxExtractionTime = TimeSpan.FromSeconds(15) });

        var partial = Assert.IsType<ExtractionResult.PartialText>(result);
        Assert.True(partial.Content.Truncated);
        Assert.Equal(["sida 1"], partial.Content.Segments.Select(s => s.Location));
        Assert.Equal(3, partial.Content.PageCount);
        Assert.Contains("bara de första 1 av 3 sidorna lästes på 15 s (MaxExtractionTime)", partial.Content.Notes);
    }

    [Fact]
    public void Extract_TimeBudgetPassedBeforeFirstPage_TimedOut()
    {
        var extractor = new PdfExtractor(new SteppingClock(TimeSpan.FromSeconds(10)));
        var pdf = new PdfBuilder().Page("Första sidan").Build();

        var result = ExtractionHelper.Result(extractor, pdf, ExtractionLimits.Default with { MaxExtractionTime = TimeSpan.FromSeconds(5) });

        Assert.Contains("MaxExtractionTime", Assert.IsType<ExtractionResult.TimedOut>(result).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_TimeBudgetNotPassed_AllPages()
    {
        var extractor = new PdfExtractor(new SteppingClock(TimeSpan.FromSeconds(10)));
        var pdf = new PdfBuilder().Page("Första sidan").Page("Andra sidan").Build();

        var result = ExtractionHelper.Result(extractor, pdf, ExtractionLimits.Default with { MaxExtractionTime = TimeSpan.FromSeconds(60) });

        var text = Assert.IsType<ExtractionResult.Text>(result).Content;
        Assert.Equal(["sida 1", "sida 2"], text.Segments.Select(s => s.Location));
        Assert.False(text.Truncated);
    }

    [Fact]
    public void Extract_NoFormAndNoInformation_OnlyPageSegments()
    {
        var text = Extract(new PdfBuilder().Page("Text").Build());

        Assert.Equal(["sida 1"], text.Segments.Select(s => s.Location));
        Assert.Empty(text.Notes);
    }

    [Fact]
    public void Extract_InformationTitle_MetadataSegment()
    {
        var text = Extract(new PdfBuilder().Page("Text").Title("Beslut om bistånd").Build());

        Assert.Equal("Titel: Beslut om bistånd", Assert.Single(text.OfKind(SegmentKind.Metadata)).Text);
    }

    [Fact]
    public void Extract_FilledFormField_FormSegment()
    {
        var pdf = HandWrittenPdf(
            "<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [5 0 R] >> >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Annots [5 0 R] >>",
            Stream("<<>>", ""),
            "<< /Type /Annot /Subtype /Widget /FT /Tx /T (Handläggare) /V (S*** N*****) /Rect [10 10 100 30] /P 3 0 R >>");

        var form = Assert.Single(Extract(pdf).Segments, s => s.Location == "formulärfält");

        Assert.Equal("Handläggare: S*** N*****", form.Text);
    }

    private static string Stream(string dict, string data) =>
        dict.TrimEnd('>') .TrimEnd() + $" /Length {data.Length} >>\nstream\n{data}\nendstream";

    /// <summary>One A4 page whose content stream is <paramref name="content"/>, with Helvetica as /F1.</summary>
    private static byte[] OnePage(string content) => HandWrittenPdf(
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        Stream("<<>>", content),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");

    private static string F(double value) => value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A clock that moves <paramref name="step"/> each time it is read.</summary>
    private sealed class SteppingClock(TimeSpan step) : TimeProvider
    {
        private long now;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => now += step.Ticks;
    }

    /// <summary>A PDF with a correct xref table from object bodies numbered 1..n.</summary>
    private static byte[] HandWrittenPdf(params string[] objects)
    {
        var sb = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (int i = 0; i < objects.Length; i++)
        {
            offsets.Add(sb.Length);
            sb.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        int xref = sb.Length;
        sb.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) sb.Append($"{o:D10} 00000 n \n");
        sb.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(sb.ToString());
    }
}
