using ClassScan.Core.Documents;
using ClassScan.Core.Findings;
using ClassScan.Detection.Osl;

namespace ClassScan.Detection.Tests.Osl;

/// <summary>
/// Where a marking stands decides whether it marks the document (classification-policy.md, evidence 1 and Hard
/// cases: "Agendas, minutes and registers that refer to secret matters").
/// </summary>
public sealed class OslMarkingPositionTests
{
    private readonly OslMarkingDetector detector = new();

    private List<Finding> Detect(params TextSegment[] segments)
    {
        var findings = new List<Finding>();
        detector.Detect(new ExtractedText(segments), findings);
        return findings;
    }

    private List<Finding> Markings(params TextSegment[] segments) => [.. Detect(segments).Where(f => f.Kind == FindingKinds.OslMarkering)];

    private static TextSegment Segment(SegmentKind kind, string location, string text) => new(kind, location, text);

    public static TheoryData<SegmentKind, string, string, string> Stamps => new()
    {
        // A sheet's first cell (A1), with the table below it.
        { SegmentKind.Cell, "blad 'Utvärdering'", "Sekretess enligt 19 kap. 3 § OSL\nAnbudsgivare\tPris\nNorrvakt AB\t452", "19:3" },
        // A1 with the time limit and an instruction after the citation.
        { SegmentKind.Cell, "blad 'Anbudsöppning'", "SEKRETESS enligt 19 kap. 3 § och 31 kap. 16 § OSL – gäller till dess tilldelningsbeslut har fattats. Lämnas inte ut.\nAnbudsöppningsprotokoll", "19:3" },
        // A slide's footer line after its content, with a department and an instruction.
        { SegmentKind.Body, "bild 2", "Omfattning\nExternt test mot publika tjänster\nInternt test från elevnätet\nSEKRETESS enligt 18 kap. 8 § OSL · IT-avdelningen · Får inte spridas eller sparas i Teams", "18:8" },
        // A PDF page's header line, with the organisation on the same line.
        { SegmentKind.Body, "sida 1", "SEKRETESS enligt 26 kap. 1 § OSL Granhamns kommun, socialförvaltningen\nHändelseanalys\nFall på boende, januari", "26:1" },
        // A PDF page's header line ending in an instruction.
        { SegmentKind.Body, "sida 3", "Sekretess enligt 19 kap. 3 § OSL – lämnas inte ut\nPM förhandlingsupplägg\nRisker\nSida 3 av 3", "19:3" },
        // An e-mail subject.
        { SegmentKind.Metadata, "rubrik", "Från: handläggare@kommun.se\nÄmne: SEKRETESS enl. 26 kap. 1 § OSL – komplettering", "26:1" },
        // A document comment, as a sentence with an instruction after it.
        { SegmentKind.Comment, "kommentar", "OBS! Omfattas av sekretess enligt 26 kap. 1 § OSL (uppgifter från socialtjänsten). Ska inte ligga i arbetslagets Teams.", "26:1" },
        // A Word header.
        { SegmentKind.Header, "sidhuvud", "Granhamns kommun\nSekretess enligt 23 kap. 2 § OSL", "23:2" },
    };

    [Theory]
    [MemberData(nameof(Stamps))]
    public void Detect_MarkingInStampPosition_ReportsHighMarking(SegmentKind kind, string location, string text, string detail)
    {
        var finding = Assert.Single(Markings(Segment(kind, location, text)));

        Assert.Equal(Confidence.High, finding.Confidence);
        Assert.Equal(detail, finding.Detail);
    }

    public static TheoryData<SegmentKind, string, string> References => new()
    {
        // An agenda table row: the item refers to a secret matter handled elsewhere.
        { SegmentKind.Table, "tabell 1", "Nr\tÄrende\tDnr\n7\tIndividärende – sekretess enligt 26 kap. 1 § OSL\tSOC 2025/0102" },
        // An agenda line in running text.
        { SegmentKind.Body, "brödtext", "§ 7 Individärende – sekretess enligt 26 kap. 1 § OSL" },
        { SegmentKind.Body, "brödtext", "Individärende – sekretess enligt 26 kap. 1 § OSL" },
        { SegmentKind.Body, "brödtext", "Personalärende: Sekretess enligt 39 kap. 3 § OSL" },
        { SegmentKind.Body, "brödtext", "Ärendet redovisas i sekretessbilaga." },
        { SegmentKind.Body, "brödtext", "Handlingen är sekretessbelagd och lämnas inte ut." },
        // A register in a spreadsheet: the secrecy column of each row, and its column header.
        { SegmentKind.Cell, "blad 'Diarium'", "Diarienummer\tDatum\tÄrendemening\tSekretessmarkering\nGSN 2024/00921\t2024-10-01\tAnmälan\tSekretess 23:2 OSL\nGSN 2024/00924\t2024-10-02\tAnsökan\tSekretess enligt 23 kap. 2 § OSL" },
        // A diarium export as CSV.
        { SegmentKind.Body, "text", "Diarienummer;Registreringsdatum;Ärendemening;Sekretessmarkering\nGSN 2024/00921;2024-10-01;Anmälan om kränkande behandling;Sekretess 23:2 OSL" },
        // A protocol page: the secrecy sentence is in the middle of the page, not in its header.
        { SegmentKind.Body, "sida 2", "Granhamns kommun PROTOKOLL\nKommunstyrelsen 2024-11-05\n§ 207 Personalärende\nHandlingarna omfattas av sekretess enligt 39\nkap. 3 § offentlighets- och sekretesslagen och lämnas inte ut.\nBeslut\nJusterandes signatur\nSida 2 av 4" },
        // A bare title-case heading in a sheet's first cell is a column or chapter name.
        { SegmentKind.Cell, "blad 'Översikt'", "Sekretess\tAntal ärenden\n26 kap.\t12" },
    };

    [Theory]
    [MemberData(nameof(References))]
    public void Detect_ReferenceInAgendaRegisterOrProtocol_ReportsNoMarking(SegmentKind kind, string location, string text)
    {
        Assert.Empty(Markings(Segment(kind, location, text)));
    }

    [Fact]
    public void Detect_AgendaRowCitingOsl_ReportsMention()
    {
        var mention = Assert.Single(Detect(Segment(SegmentKind.Table, "tabell 1", "Nr\tÄrende\n7\tIndividärende – sekretess enligt 26 kap. 1 § OSL")));

        Assert.Equal(FindingKinds.OslOmnamnande, mention.Kind);
        Assert.Equal(Confidence.Low, mention.Confidence);
        Assert.Equal("26:1", mention.Detail);
    }

    [Fact]
    public void Detect_MarkingBelowTheSheetTop_ReportsNoMarking()
    {
        var rows = string.Join('\n', Enumerable.Range(1, 5).Select(i => $"Rad {i}\t{i}")) + "\nSEKRETESS enligt 26 kap. 1 § OSL\tSOC 2024/1";

        Assert.Empty(Markings(Segment(SegmentKind.Cell, "blad 'Kö'", rows)));
    }

    [Fact]
    public void Detect_SecondChunkOfASheet_IsNotItsTop()
    {
        var first = Segment(SegmentKind.Cell, "blad 'Kö'", "Namn\tInsats\nA\tB");
        var second = Segment(SegmentKind.Cell, "blad 'Kö'", "SEKRETESS enligt 26 kap. 1 § OSL\tSOC 2024/1");

        Assert.Empty(Markings(first, second));
    }

    [Fact]
    public void Detect_SlideMiddleLineWithInstruction_ReportsNoMarking()
    {
        // Only the first and last lines of a slide are its header and footer; in the middle the stamp must stand alone.
        var slide = Segment(SegmentKind.Body, "bild 3", "Rubrik\nPunkt ett\nSEKRETESS enligt 18 kap. 8 § OSL · får inte spridas\nPunkt två\nPunkt tre\nPunkt fyra");

        Assert.Empty(Markings(slide));
    }

    [Fact]
    public void Detect_StampWithTail_OffsetsCoverTheMarkingOnly()
    {
        const string footer = "Rubrik\nText\nSEKRETESS enligt 18 kap. 8 § OSL · IT-avdelningen";
        var finding = Assert.Single(Markings(Segment(SegmentKind.Body, "bild 1", footer)));

        Assert.Equal("SEKRETESS enligt 18 kap. 8 § OSL", footer.Substring(finding.Start, finding.Length));
    }
}
