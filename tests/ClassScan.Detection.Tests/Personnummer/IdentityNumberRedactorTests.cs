using ClassScan.Detection.Personnummer;
using FsCheck.Xunit;
using ClassScan.TestSupport.Fakes;

namespace ClassScan.Detection.Tests.Personnummer;

[Properties(Arbitrary = [typeof(PersonnummerArbitraries)], MaxTest = 300)]
public sealed class IdentityNumberRedactorTests
{
    private const int Ref = FixedTimeProvider.ScanYear;
    private static readonly IdentityNumberRedactor Redactor = new(FixedTimeProvider.ScanDate);
    private static readonly PersonnummerDetector Detector = new(FixedTimeProvider.ScanDate);

    [Theory]
    [InlineData("19121212-1212 Anna utredning.docx", "19121212-**** Anna utredning.docx")]
    [InlineData("/share/Elevakter/19121212-1212 Tolvan/beslut.docx", "/share/Elevakter/19121212-**** Tolvan/beslut.docx")]
    [InlineData("191212121212.pdf", "19121212-****.pdf")]
    [InlineData("121212-1212.txt", "121212-****.txt")]
    [InlineData("Intyg 121212+1212.txt", "Intyg 121212+****.txt")]
    [InlineData("Elev_19121212_1212_LVU.docx", "Elev_19121212_****_LVU.docx")]
    [InlineData("Elev 19121212 1212.docx", "Elev 19121212 ****.docx")]
    [InlineData("Elev 19121212\u20131212.docx", "Elev 19121212\u2013****.docx")]
    [InlineData("192004912388 samordning.txt", "19200491-**** samordning.txt")]
    [InlineData("000101-T220 interim.txt", "000101-**** interim.txt")]
    [InlineData("a 19121212-1212 och 19090527+1474 b", "a 19121212-**** och 19090527+**** b")]
    [InlineData("https://kommun.sharepoint.com/sites/skola/Delade%20dokument/Anna%2019121212-1212%20beslut.docx",
        "https://kommun.sharepoint.com/sites/skola/Delade%20dokument/Anna%2019121212-****%20beslut.docx")]
    [InlineData("Tolvan 19121212-1212 (Bo Ek)", "Tolvan 19121212-**** (Bo Ek)")]
    public void Redact_IdentityNumberInName_MaskedLikeEvidence(string name, string expected) =>
        Assert.Equal(expected, Redactor.Redact(name));

    [Theory]
    [InlineData("Protokoll 20231105-1430.docx")]      // a date and a time: the check digit does not hold
    [InlineData("19121212-1213 fel kontrollsiffra.txt")]
    [InlineData("Faktura 5561234567.pdf")]             // an organisationsnummer-like run: month 12, Luhn fails
    [InlineData("Ärende 2024-1234.docx")]
    [InlineData("Konto 1191212121212.txt")]            // a longer digit run
    [InlineData("IBAN SE4550000000058398257466.pdf")]
    [InlineData("Budget 2025.xlsx")]
    [InlineData("")]
    public void Redact_NoIdentityNumber_NameUnchanged(string name) =>
        Assert.Same(name, Redactor.Redact(name));

    [Property]
    public void Redact_GeneratedNumberInEveryFormat_NoValidNumberLeftAndDateKept(GeneratedNumber number, SurroundingText text)
    {
        for (var format = 0; format < NumberFormats.Names.Length; format++)
        {
            var written = NumberFormats.Format(number.Twelve, format, Ref);
            var name = text.Before + written + text.After;

            var redacted = Redactor.Redact(name);

            Assert.Equal(text.Before + NumberFormats.ExpectedSample(written) + text.After, redacted);
            var findings = new List<Core.Findings.Finding>();
            Detector.Detect(new Core.Documents.ExtractedText([new Core.Documents.TextSegment(Core.Documents.SegmentKind.Body, "namn", redacted)]), findings);
            Assert.Empty(findings);
        }
    }

    [Property]
    public void Redact_AnyName_Idempotent(SurroundingText text, GeneratedNumber number)
    {
        var once = Redactor.Redact(text.Before + number.Twelve + text.After);

        Assert.Equal(once, Redactor.Redact(once));
    }
}
