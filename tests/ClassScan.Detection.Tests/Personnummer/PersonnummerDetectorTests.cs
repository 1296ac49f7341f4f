using ClassScan.Core.Documents;
using ClassScan.Core.Findings;
using ClassScan.Detection.Personnummer;
using ClassScan.TestSupport.Fakes;

namespace ClassScan.Detection.Tests.Personnummer;

public sealed class PersonnummerDetectorTests
{
    private static readonly PersonnummerDetector Detector = new(FixedTimeProvider.ScanDate);

    /// <summary>Text, expected kind (null = nothing found), the substring that must be reported.</summary>
    public static TheoryData<string, string?, string?> Cases => new()
    {
        // Positives: every written form, and the neighbours the dev corpus counts.
        { "Sökande: 19121212-1212", FindingKinds.Personnummer, "19121212-1212" },
        { "Sökande: 121212-1212", FindingKinds.Personnummer, "121212-1212" },
        { "Sökande: 1212121212", FindingKinds.Personnummer, "1212121212" },
        { "Sökande: 191212121212", FindingKinds.Personnummer, "191212121212" },
        { "Född 1909: 19090527+1474", FindingKinds.Personnummer, "19090527+1474" },
        { "Född 1909: 090527+1474", FindingKinds.Personnummer, "090527+1474" },
        { "Pnr19121212-1212", FindingKinds.Personnummer, "19121212-1212" },
        { "pnr:19121212-1212", FindingKinds.Personnummer, "19121212-1212" },
        { "Sökande (121212-1212), Storgatan 1", FindingKinds.Personnummer, "121212-1212" },
        { "Han har personnummer 640823-3234.", FindingKinds.Personnummer, "640823-3234" },
        { "Anna,19121212-1212,Storgatan 1", FindingKinds.Personnummer, "19121212-1212" },
        { "1,19121212-1212,Anna", FindingKinds.Personnummer, "19121212-1212" },
        { "1212121212abc", FindingKinds.Personnummer, "1212121212" },
        { "tel 08-123 45 67, 640823-3234", FindingKinds.Personnummer, "640823-3234" },
        { "Född 29/2: 20000229-2399", FindingKinds.Personnummer, "20000229-2399" },
        { "Född 29/2: 19240229-1237", FindingKinds.Personnummer, "19240229-1237" },
        { "Samordningsnr 701063-2391", FindingKinds.Samordningsnummer, "701063-2391" },
        { "Samordningsnr 121291-1232", FindingKinds.Samordningsnummer, "121291-1232" },
        { "Testnummer 191500722390 (månad 00)", FindingKinds.Samordningsnummer, "191500722390" },
        { "Testnummer 191806602395 (dag 60)", FindingKinds.Samordningsnummer, "191806602395" },
        { "Testnummer 19200491-2388 (31 april)", FindingKinds.Samordningsnummer, "19200491-2388" },
        { "Interimsnummer 000101-T220", FindingKinds.Interimsnummer, "000101-T220" },
        { "Interimsnummer 20000101T220.", FindingKinds.Interimsnummer, "20000101T220" },
        { "Reservnr 000101X220", FindingKinds.Interimsnummer, "000101X220" },

        // Negatives: organisationsnummer, other numbers, wrong dates, failing checksums.
        { "Kommunens organisationsnummer är 212000-0449.", null, null },
        { "Org.nr 2120000449 och 162120000449", null, null },
        { "AB Volvo-lik 556036-0793", null, null },
        { "AP-fond 802005-1952", null, null },
        { "Ring 070-174 06 12 eller 0701740612", null, null },
        { "Bankgiro 5050-1055, plusgiro 4 77 01-2", null, null },
        { "IBAN SE45 5000 0000 0583 9825 7466", null, null },
        { "IBAN SE4550000000058398257466", null, null },
        { "OCR 4519121212121255", null, null },
        { "OCR-nummer 191212121212345", null, null },
        { "OCR 0019121212121200", null, null },
        { "Ärende 19121212-1212-3", null, null },
        { "Referens 5-19121212-1212", null, null },
        { "Belopp 5.1212121212", null, null },
        { "Mått 1212121212.5", null, null },
        { "Id X9Y19121212-1212", null, null },
        { "Datum 2024-01-15", null, null },
        { "Datum 20240115", null, null },
        { "Mellanslag 19121212 1212", null, null },
        { "Kundnummer 1212121213", null, null },
        { "Skottdag 19230229-1238", null, null },
        { "Skottdag med plus 000229+2399", null, null },
        { "Månad 13: 191312-1230", null, null },
        { "Dag 32: 19121232-1234", null, null },
        { "31 april: 19120431-1235", null, null },
        { "Dag 92: 121292-1231", null, null },
        { "Sekel 17: 17121212-1212", null, null },
        { "Interim E: 000101-E221", null, null },
        { "Faktura 240587, datum 2024-05-15", null, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Detect_TableCase_FindsExactlyTheExpectedNumber(string text, string? kind, string? expected)
    {
        var findings = Detect(text);

        if (kind is null)
        {
            Assert.Empty(findings);
            return;
        }

        var finding = Assert.Single(findings);
        Assert.Equal(kind, finding.Kind);
        Assert.Equal(text.IndexOf(expected!, StringComparison.Ordinal), finding.Start);
        Assert.Equal(expected!.Length, finding.Length);
        Assert.Equal(NumberFormats.ExpectedSample(expected), finding.MaskedSample);
        Assert.Equal("se.personnummer", finding.DetectorId);
        Assert.Null(finding.Detail);
    }

    [Theory]
    [InlineData("19121212-1212", "19121212-****")]
    [InlineData("191212121212", "19121212-****")]
    [InlineData("19090527+1474", "19090527+****")]
    [InlineData("121212-1212", "121212-****")]
    [InlineData("1212121212", "121212-****")]
    [InlineData("090527+1474", "090527+****")]
    [InlineData("000101-T220", "000101-****")]
    public void Detect_WrittenForm_MasksBirthNumberAndCheckDigit(string number, string sample)
    {
        var finding = Assert.Single(Detect($"nr {number} slut"));

        Assert.Equal(sample, finding.MaskedSample);
    }

    [Fact]
    public void Detect_Finding_ToStringNeverHoldsTheFullNumber()
    {
        var finding = Assert.Single(Detect("personnummer 640823-3234"));

        Assert.DoesNotContain("3234", finding.ToString());
    }

    [Theory]
    [InlineData("personnummer: 19121212-1212")]
    [InlineData("Pnr: 19121212-1212")]
    [InlineData("PERSONNUMRET 19121212-1212 gäller")]
    [InlineData("FÖDELSENUMMER 19121212-1212")]
    [InlineData("Samordningsnumret är 701063-2391")]
    [InlineData("Hon är folkbokförd i kommunen sedan 2019 och har nummer 19121212-1212")]
    [InlineData("19121212-1212 är hennes p-nr")]
    [InlineData("Personal identity number 19121212-1212")]
    public void Detect_ContextWordNearby_HighConfidence(string text)
    {
        Assert.Equal(Confidence.High, Assert.Single(Detect(text)).Confidence);
    }

    [Theory]
    [InlineData("19121212-1212")]
    [InlineData("Sökande Anna Svensson, 19121212-1212, Storgatan 1")]
    public void Detect_NoContextWord_MediumConfidence(string text)
    {
        Assert.Equal(Confidence.Medium, Assert.Single(Detect(text)).Confidence);
    }

    [Fact]
    public void Detect_ContextWord500CharactersAway_MediumConfidence()
    {
        var text = "Personnummer" + new string(' ', 500) + "19121212-1212" + new string('x', 500) + " personnummer";

        Assert.Equal(Confidence.Medium, Assert.Single(Detect(text)).Confidence);
    }

    [Fact]
    public void Detect_ContextWordInAnotherSegment_MediumConfidence()
    {
        var findings = Detect("Personnummer", "19121212-1212");

        var finding = Assert.Single(findings);
        Assert.Equal(Confidence.Medium, finding.Confidence);
        Assert.Equal(1, finding.SegmentIndex);
    }

    [Fact]
    public void Detect_SeveralSegmentsAndNumbers_ReportsEachWithSegmentAndOffset()
    {
        var findings = Detect("inget här", "A 19121212-1212 och B 640823-3234", "", "C 701063-2391");

        Assert.Equal(
            [(1, 2, FindingKinds.Personnummer), (1, 22, FindingKinds.Personnummer), (3, 2, FindingKinds.Samordningsnummer)],
            findings.Select(f => (f.SegmentIndex, f.Start, f.Kind)));
    }

    [Theory]
    [InlineData(2026, false)]
    [InlineData(2150, true)]
    public void Detect_TimeProviderYear_DecidesCenturyOfShortForm(int year, bool found)
    {
        // "000229+": 1900 (not a leap year) when scanned 2000–2099, 2000 (leap year) when scanned 2100–2199.
        var detector = new PersonnummerDetector(new FixedTimeProvider(new DateTimeOffset(year, 6, 1, 0, 0, 0, TimeSpan.Zero)));
        var findings = new List<Finding>();

        detector.Detect(Text("född 000229+2399"), findings);

        Assert.Equal(found, findings.Count == 1);
    }

    [Fact]
    public void Detect_FixedReferenceYear_UsedForCentury()
    {
        var findings = new List<Finding>();

        new PersonnummerDetector(referenceYear: 1999).Detect(Text("född 000229-2399"), findings);

        Assert.Empty(findings);
    }

    [Fact]
    public void Detect_EmptyOrDigitPoorText_NothingAndNoThrow()
    {
        var findings = new List<Finding>();

        Detector.Detect(ExtractedText.Empty, findings);
        Detector.Detect(Text("", "12345678", "abc"), findings);
        Detector.Detect(null!, findings);

        Assert.Empty(findings);
    }

    [Fact]
    public void Id_Always_IsStableReportId()
    {
        Assert.Equal("se.personnummer", Detector.Id);
    }

    [Fact]
    public void Detect_ConcurrentCalls_SameResults()
    {
        var text = Text(string.Join(" ; ", Enumerable.Repeat("pnr 19121212-1212, 701063-2391 och 1212121213", 200)));
        var expected = new List<Finding>();
        Detector.Detect(text, expected);

        var results = new List<Finding>[16];
        Parallel.For(0, results.Length, i =>
        {
            results[i] = [];
            Detector.Detect(text, results[i]);
        });

        Assert.Equal(400, expected.Count);
        Assert.All(results, r => Assert.Equal(expected, r));
    }

    private static List<Finding> Detect(params string[] segments)
    {
        var findings = new List<Finding>();
        Detector.Detect(Text(segments), findings);
        return findings;
    }

    private static ExtractedText Text(params string[] segments) =>
        new(segments.Select(s => new TextSegment(SegmentKind.Body, "sida 1", s)).ToList());
}
