using ClassScan.Policy;
using ClassScan.Core.Documents;
using ClassScan.Core.Findings;
using ClassScan.Detection.Osl;

namespace ClassScan.Detection.Tests.Osl;

public sealed class OslMarkingDetectorTests
{
    private readonly OslMarkingDetector detector = new();

    private List<Finding> Detect(ExtractedText text)
    {
        var findings = new List<Finding>();
        detector.Detect(text, findings);
        return findings;
    }

    private List<Finding> Markings(ExtractedText text) => [.. Detect(text).Where(f => f.Kind == FindingKinds.OslMarkering)];

    [Theory]
    [InlineData(SegmentKind.Header, "Omfattas av sekretess enligt 25 kap. 1 § OSL", "25:1")]
    [InlineData(SegmentKind.Footer, "Sekretess enligt 23 kap. 2 § OSL", "23:2")]
    [InlineData(SegmentKind.Header, "SEKRETESS", "sekretess")]
    [InlineData(SegmentKind.Header, "Skyddade personuppgifter", "skyddade-personuppgifter")]
    [InlineData(SegmentKind.Metadata, "Sekretessmarkering – 21 kap. 3 § OSL: ny elev", "21:3")]
    [InlineData(SegmentKind.Metadata, "Sv: VB: Sekretess enligt 26 kap. 1 § OSL", "26:1")]
    [InlineData(SegmentKind.Header, "Ekholma kommun – Vård- och omsorg\nSEKRETESS enligt 25 kap. 1 § OSL – hälso- och sjukvård", "25:1")]
    [InlineData(SegmentKind.Body, "Sekretess enligt 26 kap. 1 § OSL", "26:1")]
    [InlineData(SegmentKind.Body, "SEKRETESS", "sekretess")]
    [InlineData(SegmentKind.Body, "Hemlig enligt 26 kap. 1 § OSL", "26:1")]
    [InlineData(SegmentKind.Body, "Lindvalla kommun – Elevhälsan\nSEKRETESS – elevhälsa (23 kap. 2 § OSL)\n\nJournalkopia", "23:2")]
    [InlineData(SegmentKind.Notes, "Sekretess enligt 19 kap. 3 § OSL.", "19:3")]
    [InlineData(SegmentKind.Cell, "SEKRETESS – 31 kap. 16 § OSL", "31:16")]
    [InlineData(SegmentKind.Cell, "SEKRETESS\tVinterväghållning", "sekretess")]
    public void Detect_Stamp_ReportsHighConfidenceMarking(SegmentKind kind, string text, string detail)
    {
        var finding = Assert.Single(Markings(OslTestText.Of((kind, text))));

        Assert.Equal(OslMarkingDetector.DetectorId, finding.DetectorId);
        Assert.Equal(Confidence.High, finding.Confidence);
        Assert.Equal(detail, finding.Detail);
    }

    [Theory]
    [InlineData("Material som faller under OSL ska inte hanteras i M365.")]
    [InlineData("Handlingar som omfattas av sekretess enligt 26 kap. 1 § OSL ska märkas med en sekretessmarkering.")]
    [InlineData("Utskrifter ska märkas med texten \"Sekretess enligt 26 kap. 1 § OSL\" i sidhuvudet.")]
    [InlineData("Skriv 'Sekretess enligt 26 kap. 1 § OSL' i sidhuvudet.")]
    [InlineData("Exempel på sekretessmarkering som du kan stöta på: \"Sekretess enligt 26 kap. 1 § OSL\", \"Skyddade personuppgifter\".")]
    [InlineData("Sekretess")]
    [InlineData("Skyddade personuppgifter")]
    [InlineData("Sekretess och märkning")]
    [InlineData("2. Sekretess och märkning")]
    [InlineData("Dataskydd och sekretess")]
    [InlineData("Uppgifter om enskilda omfattas av sekretess\nenligt 26 kap. 1 § OSL och redovisas inte i den offentliga handlingen.")]
    [InlineData("Handlingar som rör en person med skyddade personuppgifter märks med \"Skyddade\npersonuppgifter\" på första sidan.")]
    [InlineData("Sekretess enligt 26 kap. 1 § OSL gäller\nför uppgifter om enskildas personliga förhållanden.")]
    [InlineData("• Sekretess enligt 26 kap. 1 § OSL")]
    [InlineData("Anbud och uppgifter i anbud omfattas av absolut sekretess enligt 19 kap. 3 § andra stycket OSL fram till dess att tilldelningsbeslut har fattats.")]
    public void Detect_DiscussionInBody_ReportsNoMarking(string text)
    {
        Assert.Empty(Markings(OslTestText.Body(text)));
    }

    [Fact]
    public void Detect_ExampleAfterInstructionLine_ReportsNoMarking()
    {
        var text = OslTestText.Body("Märk handlingen med följande text i sidhuvudet:", "Sekretess enligt 26 kap. 1 § OSL");

        Assert.Empty(Markings(text));
    }

    [Fact]
    public void Detect_ExampleAfterInstructionLine_ReportsMentionAtLow()
    {
        var text = OslTestText.Body("Märk handlingen med följande text i sidhuvudet:", "Sekretess enligt 26 kap. 1 § OSL");

        var mention = Assert.Single(Detect(text));
        Assert.Equal(FindingKinds.OslOmnamnande, mention.Kind);
        Assert.Equal(Confidence.Low, mention.Confidence);
        Assert.Equal("26:1", mention.Detail);
    }

    [Fact]
    public void Detect_UncitedAreaMarkingInBody_ReportsMedium()
    {
        var finding = Assert.Single(Markings(OslTestText.Body("Sekretess – socialtjänst")));

        Assert.Equal(Confidence.Medium, finding.Confidence);
        Assert.Equal(3, OslProvisions.ImpliedLevelOf(finding.Detail));
    }

    [Fact]
    public void Detect_Marking_OffsetsCoverTheMarkingLine()
    {
        const string header = "Granhamns kommun – Ängsskolan\n  Sekretess enligt 23 kap. 2 § OSL  ";
        var finding = Assert.Single(Markings(OslTestText.Of((SegmentKind.Header, header))));

        Assert.Equal("Sekretess enligt 23 kap. 2 § OSL", header.Substring(finding.Start, finding.Length));
        Assert.Equal(0, finding.SegmentIndex);
    }

    [Fact]
    public void Detect_Marking_MaskedSampleIsCanonical()
    {
        var finding = Assert.Single(Markings(OslTestText.Of((SegmentKind.Header, "Omfattas av sekretess enligt 26 kap. 1 § OSL"))));

        Assert.Equal("SEKRETESS 26:1", finding.MaskedSample);
    }

    [Fact]
    public void Detect_RunningTextCitation_ReportsMentionWithoutMarking()
    {
        var findings = Detect(OslTestText.Body("Sekretessen inom elevhälsan regleras i 23 kap. 2 § och 25 kap. 1 § OSL."));

        Assert.All(findings, f => Assert.Equal(FindingKinds.OslOmnamnande, f.Kind));
        Assert.Equal(["23:2", "25:1"], findings.Select(f => f.Detail));
    }

    [Fact]
    public void Detect_OtherLawCitation_ReportsNothing()
    {
        Assert.Empty(Detect(OslTestText.Body("Beslut – försörjningsstöd enligt 4 kap. 1 § SoL")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n\t\t\r\n")]
    [InlineData("SEKRETESS SEKRETESS SEKRETESS")]
    [InlineData("§§§ kap kap : : 26:1:1:1 ((((")]
    public void Detect_OddInput_WellFormedFindingsAndNoMarking(string text)
    {
        var input = OslTestText.Of((SegmentKind.Header, text), (SegmentKind.Body, text), (SegmentKind.Metadata, text));

        var findings = Detect(input);

        FindingAssert.WellFormed(input, findings, Detect);
        // Shouted words and stray paragraph signs without a chapter and section of a statute are no OSL marking.
        Assert.DoesNotContain(findings, f => f.Kind == FindingKinds.OslMarkering && f.Confidence == Confidence.High);
    }

    [Fact]
    public void Detect_RandomText_WellFormedFindings()
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyzåäöABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖ0123456789 .,;:()-–§\t\n\"'@/%";
        string[] words = ["Anna", "Svensson", "Klient:", "Sekretess", "enligt", "26", "kap.", "OSL", "SEKRETESS", "gatan", "Storgatan", "12", "123 45", "Dnr", "SN", "2025/0077",
            "(S)", "handläggare", ":", "\t", "\n", "Närvarande:", "följande medlemmar:", "Namn\t", "(13 år)", "Omars", "Per", ",", "Hemlig", "§", "Sv:"];
        var random = new Random(7);
        for (var round = 0; round < 300; round++)
        {
            var sb = new System.Text.StringBuilder();
            var length = random.Next(1, 600);
            for (var i = 0; i < length; i++)
                sb.Append(random.Next(3) == 0 ? words[random.Next(words.Length)] + " " : alphabet[random.Next(alphabet.Length)].ToString());
            var text = new ExtractedText([
                new TextSegment(SegmentKind.Header, "t", sb.ToString()),
                new TextSegment(SegmentKind.Table, "t", sb.ToString().Replace(' ', '\t')),
                new TextSegment(SegmentKind.Body, "t", sb.ToString()),
            ]);

            FindingAssert.WellFormed(text, Detect(text), Detect);
        }
    }

    [Fact]
    public void Detect_EmptyDocument_ReportsNothing()
    {
        Assert.Empty(Detect(ExtractedText.Empty));
    }

    [Fact]
    public void Detect_ManyThreadsOnOneInstance_GiveTheSameFindings()
    {
        var text = OslTestText.Of((SegmentKind.Header, "Sekretess enligt 26 kap. 1 § OSL"), (SegmentKind.Body, "Uppgifter enligt 25 kap. 1 § OSL."));
        var expected = Detect(text);

        var results = new List<Finding>[32];
        Parallel.For(0, results.Length, i => results[i] = Detect(text));

        Assert.All(results, r => Assert.Equal(expected, r));
    }
}
