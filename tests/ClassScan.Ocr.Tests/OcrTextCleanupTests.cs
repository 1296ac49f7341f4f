using ClassScan.Core.Documents;
using ClassScan.Core.Findings;
using ClassScan.Detection;

namespace ClassScan.Ocr.Tests;

/// <summary>
/// The OCR noise repairs, each with what it must fix and what it must leave alone; and the point of them: the
/// unchanged personnummer detector validates a number OCR split or misread, by checksum.
/// </summary>
public sealed class OcrTextCleanupTests
{
    [Theory]
    [InlineData("19l2l2l2-12l2", "19121212-1212")]
    [InlineData("19I21212-1212", "19121212-1212")]
    [InlineData("191|1212", "19111212")]
    [InlineData("år 2O24", "år 2024")]
    [InlineData("1o0", "100")]
    [InlineData("2OO1", "2001")]
    [InlineData("1S5", "155")]
    [InlineData("3B4", "384")]
    [InlineData("belopp 1O0 kr", "belopp 100 kr")]
    public void FixConfusables_LetterBetweenDigits_BecomesTheDigit(string input, string expected)
    {
        Assert.Equal(expected, OcrTextCleanup.FixConfusables(input));
    }

    [Theory]
    [InlineData("OS 2")] // a word, no digits around it
    [InlineData("BIB")]
    [InlineData("Sida 1")]
    [InlineData("1 Ola")] // a letter after a digit and a space is a word
    [InlineData("12OOO3")] // three letters in a row are not one misread digit group
    [InlineData("O1")] // no digit before it
    [InlineData("1212-l212")] // a dash before it is no digit: only a letter with digits on both sides is repaired
    [InlineData("1O")] // no digit after it
    [InlineData("12a34")] // a letter OCR does not confuse with a digit
    [InlineData("B12")]
    [InlineData("")]
    public void FixConfusables_NotBetweenDigits_Unchanged(string input)
    {
        Assert.Equal(input, OcrTextCleanup.FixConfusables(input));
    }

    [Theory]
    [InlineData("19121212 - 1212", "19121212-1212")]
    [InlineData("1912 1212-1212", "19121212-1212")]
    [InlineData("1912 12 12 - 12 12", "19121212-1212")]
    [InlineData("121212 -1212", "121212-1212")]
    [InlineData("19121212 – 1212", "19121212-1212")] // OCR's en dash
    [InlineData("121212 + 1212", "121212+1212")] // over 100 years
    [InlineData("pnr: 1912 1212-1212, tel", "pnr: 19121212-1212, tel")]
    public void JoinSplitGroups_NumberSplitBySpaces_Joined(string input, string expected)
    {
        Assert.Equal(expected, OcrTextCleanup.JoinSplitGroups(input));
    }

    [Theory]
    [InlineData("1912 1212 1212")] // no dash: could be three numbers in a table
    [InlineData("08 123 45 67")] // a phone number
    [InlineData("12345 - 1212")] // 5 digits: no date part
    [InlineData("1234567 - 1212")] // 7 digits
    [InlineData("1 19121212 - 1212")] // a digit before: part of a longer run
    [InlineData("19121212 - 12123")] // a 5-digit tail
    [InlineData("19121212 - 1212 3")] // the tail goes on
    [InlineData("sida 3 - 4")]
    [InlineData("2024-05-01")]
    public void JoinSplitGroups_NotOneSplitNumber_Unchanged(string input)
    {
        Assert.Equal(input, OcrTextCleanup.JoinSplitGroups(input));
    }

    [Theory]
    [InlineData("Personnummer 19121212 - 1212")]
    [InlineData("Personnummer 1912 1212-1212")]
    [InlineData("Personnummer 19l2l2l2-12l2")]
    [InlineData("Personnummer 19l2 1212 - 12 12")]
    public void Clean_OcrNoiseInATestNumber_DetectorValidatesIt(string ocr)
    {
        Assert.Empty(Detect(ocr));

        var found = Detect(OcrTextCleanup.Clean(ocr));

        var f = Assert.Single(found);
        Assert.True(FindingKinds.IsPersonalIdentityNumber(f.Kind));
        Assert.Equal("19121212-****", f.MaskedSample);
    }

    [Theory]
    [InlineData("Personnummer 19121212 - 1213")] // wrong check digit: still refused after joining
    [InlineData("Personnummer 1912 1312-1212")] // month 13
    public void Clean_SplitNumberFailsTheChecksum_StillNotFound(string ocr)
    {
        Assert.Empty(Detect(OcrTextCleanup.Clean(ocr)));
    }

    private static List<Finding> Detect(string text)
    {
        var findings = new List<Finding>();
        var page = new ExtractedText([new TextSegment(SegmentKind.Body, "sida 1 (OCR)", text)]);
        foreach (var d in StandardDetectors.Create(TimeProvider.System)) d.Detect(page, findings);
        return findings.Where(f => FindingKinds.IsPersonalIdentityNumber(f.Kind)).ToList();
    }
}
