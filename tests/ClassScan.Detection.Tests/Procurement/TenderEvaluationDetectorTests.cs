using ClassScan.Core.Documents;
using ClassScan.Core.Findings;
using ClassScan.Detection.Procurement;

namespace ClassScan.Detection.Tests.Procurement;

public sealed class TenderEvaluationDetectorTests
{
    private const string EvaluationTable =
        "Anbudsgivare\tPrispoäng\tKvalitetspoäng\tTotalt\tRang\n" +
        "Granbackens Bevakning AB\t51.24\t30\t81.24\t2\n" +
        "Norrvakt Säkerhet AB\t52.14\t35\t87.14\t1\n" +
        "Älvdalens Trygghet HB\t49.02\t28\t77.02\t3";

    private readonly TenderEvaluationDetector detector = new();

    private List<Finding> Detect(params (SegmentKind Kind, string Text)[] segments)
    {
        var findings = new List<Finding>();
        detector.Detect(new ExtractedText([.. segments.Select(s => new TextSegment(s.Kind, "test", s.Text))]), findings);
        return findings;
    }

    // Bids per named bidder before the award (19 kap. 3 § OSL): level 2 even without a marking.
    [Theory]
    [InlineData("Sammanställning – förslag till tilldelning\nPreliminärt. Skickas inte till anbudsgivarna.")]
    [InlineData("Anbudsöppning 2025-02-17 kl. 13.00")]
    [InlineData("Utkast v3 inför tilldelningsbeslut.")]
    [InlineData("Tilldelningsbeslut planeras 2025-03-12.")]
    public void Detect_BidderTableBeforeAward_ReportsAnbudHigh(string context)
    {
        var finding = Assert.Single(Detect((SegmentKind.Cell, context), (SegmentKind.Cell, EvaluationTable)));

        Assert.Equal(FindingKinds.KonfidentiellUppgift, finding.Kind);
        Assert.Equal(ConfidentialDetails.Anbud, finding.Detail);
        Assert.Equal(Confidence.High, finding.Confidence);
        Assert.Equal(1, finding.SegmentIndex);
    }

    [Fact]
    public void Detect_BidderTableWithoutTiming_ReportsMedium()
    {
        var finding = Assert.Single(Detect((SegmentKind.Table, EvaluationTable)));

        Assert.Equal(Confidence.Medium, finding.Confidence);
    }

    // The award notice and the public tender documents: nothing.
    [Theory]
    [InlineData("Underrättelse om beslut\nKommunen har beslutat att anta anbudet från Norrvakt Säkerhet AB.")]
    [InlineData("Upphandlingen har tilldelats Norrvakt Säkerhet AB. Avtalsspärr gäller i tio dagar.")]
    public void Detect_AwardNotice_ReportsNothing(string context)
    {
        Assert.Empty(Detect((SegmentKind.Body, context), (SegmentKind.Table, EvaluationTable)));
    }

    [Theory]
    [InlineData("Anbudsgivare\tPris per timme (kr)\tKommentar\n\t\t\n\t\t")]
    [InlineData("Anbudsgivare\tPris\nNorrvakt Säkerhet AB\t452")]
    [InlineData("Utvärderingskriterium\tViktning\tPoäng\nPris\t60 %\t60\nKvalitet\t40 %\t40")]
    [InlineData("Leverantör\tFakturanummer\tBelopp\nKontorsvaror AB\t2024-118842\t4 380\nTryckeriet i Norr AB\t2024-118843\t1 200")]
    public void Detect_NoBidderComparisonTable_ReportsNothing(string text)
    {
        // Empty price forms, a single quote, a weighting table, a ledger of invoices.
        var findings = Detect((SegmentKind.Body, "Förfrågningsunderlag – anbud lämnas senast 2025-01-31."), (SegmentKind.Cell, text));

        Assert.Empty(findings);
    }

    [Fact]
    public void Detect_PdfPageWithBidderRowsBeforeAward_ReportsAnbud()
    {
        const string page = "Anbudsutvärdering – Tolktjänster\nTilldelningsbeslut planeras 2025-01-04.\nAnbudsgivare Org.nr Anbudspris (kr) Kvalitetspoäng Rang\n" +
            "Tolkbolaget Norr AB 559000-0001 3 623 000 92 1\nSpråkbron i Granhamn\nAB\n559000-0002 4 045 000 64 2";

        var finding = Assert.Single(Detect((SegmentKind.Body, page)));
        Assert.Equal(Confidence.High, finding.Confidence);
    }

    [Fact]
    public void Detect_PdfAwardNoticeWithBidderRows_ReportsNothing()
    {
        const string page = "Tilldelningsbeslut\nKommunen har beslutat att anta anbudet från Tolkbolaget Norr AB.\nAnbudsgivare Årskostnad (kr) Prispoäng Placering\n" +
            "Tolkbolaget Norr AB 559000-0001 3 484 900 52,1 1\nSpråkbron i Granhamn AB 559000-0002 3 546 600 51,2 2";

        Assert.Empty(Detect((SegmentKind.Body, page)));
    }

    [Fact]
    public void Detect_PdfBidderRowsWithoutTiming_ReportsNothing()
    {
        const string page = "Anbudsgivare Pris Poäng\nTolkbolaget Norr AB 452 52,1\nSpråkbron i Granhamn AB 468 51,2";

        Assert.Empty(Detect((SegmentKind.Body, page)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Anbudsgivare\tPris")]
    [InlineData("|||\n|||")]
    public void Detect_OddInput_DoesNotThrow(string text)
    {
        Assert.Empty(Detect((SegmentKind.Cell, text)));
    }
}
