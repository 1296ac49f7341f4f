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

    private static string Stream(string dict, string data) =>
        dict.TrimEnd('>') .TrimEnd() + $" /Length {data.Length} >>\nstream\n{data}\nendstream";

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
