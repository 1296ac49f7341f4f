using ClassScan.Cli.Configuration;
using ClassScan.Cli.Doctor;
using ClassScan.Ocr;

namespace ClassScan.Cli.Tests;

/// <summary>doctor's OCR line from probed tools: what is there, what is missing, and how bad that is for the setting.</summary>
public sealed class OcrDoctorTests
{
    private static readonly OcrTools All = new() { Tesseract = "/usr/bin/tesseract", TesseractVersion = "tesseract 5.3.0", Languages = ["eng", "osd", "swe"], Pdftoppm = "/usr/bin/pdftoppm" };

    public static TheoryData<string, OcrTools, DoctorOutcome, string> Cases() => new()
    {
        { "auto", All, DoctorOutcome.Ok, "på: tesseract: tesseract 5.3.0; språk: eng, osd, swe (swe finns); pdftoppm: finns" },
        { "auto", new OcrTools(), DoctorOutcome.Warning, "tesseract hittades inte: tesseract: saknas; språk: inga (swe saknas); pdftoppm: saknas." },
        { "true", new OcrTools(), DoctorOutcome.Failed, "tesseract hittades inte" },
        { "auto", All with { Languages = ["eng"] }, DoctorOutcome.Warning, "tesseract saknar språkmodell swe (paketet tesseract-ocr-swe)" },
        { "true", All with { Pdftoppm = null }, DoctorOutcome.Failed, "pdftoppm hittades inte" },
        { "false", new OcrTools(), DoctorOutcome.Skipped, "avstängd (Scan:Ocr:Enabled=false)" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task OcrAsync_ProbedTools_OutcomeAndMessage(string enabled, OcrTools tools, DoctorOutcome expected, string message)
    {
        var check = await DoctorChecks.OcrAsync(new OcrSettings { Enabled = enabled }, CancellationToken.None, tools);

        Assert.Equal(expected, check.Outcome);
        Assert.StartsWith(message, check.Message, StringComparison.Ordinal);
        Assert.Equal(expected is DoctorOutcome.Warning or DoctorOutcome.Failed, check.Fix?.Contains("apt-get install tesseract-ocr tesseract-ocr-swe poppler-utils", StringComparison.Ordinal) == true);
    }
}
