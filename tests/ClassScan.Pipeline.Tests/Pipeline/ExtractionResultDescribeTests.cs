using ClassScan.Core.Documents;
using ClassScan.Core.Scanning;
using ClassScan.TestSupport.Fakes;

namespace ClassScan.Pipeline.Tests.Pipeline;

/// <summary>
/// The one mapping from <see cref="ExtractionResult"/> to a report row (<see cref="DocumentAnalyzer.Describe"/>,
/// <see cref="DocumentAnalyzer.Judge(SourceItem, DocumentExtraction, CancellationToken, Action{ExtractedText, IReadOnlyList{Core.Findings.Finding}}?)"/>):
/// the statuses and the Swedish wording every report has shown, masking where a reason may come from a library.
/// </summary>
public sealed class ExtractionResultDescribeTests
{
    private static readonly DocumentAnalyzer Analyzer = new(new ScriptedExtractor(), [new KeywordDetector()], new ClassScan.Policy.KlassaRuleEngine());
    private static readonly SourceItem Item = new("/d/fil.pdf", "/d/fil.pdf", 10, null);

    public static TheoryData<ExtractionResult.Failure, ScanStatus, string> Failures => new()
    {
        { new ExtractionResult.Encrypted("password-protected PDF (AES-256)"), ScanStatus.Encrypted, "password-protected PDF (AES-256)" },
        { new ExtractionResult.Unsupported("legacy Word 97-2003 (.doc)"), ScanStatus.Unsupported, "legacy Word 97-2003 (.doc)" },
        { new ExtractionResult.LimitReached("MaxPdfPages", "6,000 pages, more than 5,000 (MaxPdfPages)"), ScanStatus.Error, "gräns MaxPdfPages: 6,000 pages, more than 5,000 (MaxPdfPages)" },
        { DocumentAnalyzer.TooLarge(600L * 1024 * 1024, 512L * 1024 * 1024), ScanStatus.Error, "gräns MaxFileBytes: filen är 600 MB, högst 512 MB läses" },
        { new ExtractionResult.Corrupt("not a valid zip package (InvalidDataException)"), ScanStatus.Error, "trasig fil: not a valid zip package (InvalidDataException)" },
        { new ExtractionResult.TimedOut("tidsgräns: läsningen tog mer än 60 s och avbröts"), ScanStatus.Error, "tidsgräns: läsningen tog mer än 60 s och avbröts" },
        { new ExtractionResult.Unreadable("filen försvann innan den lästes"), ScanStatus.Error, "filen försvann innan den lästes" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Describe_EachFailure_StatusAndReportWording(ExtractionResult.Failure failure, ScanStatus status, string detail)
    {
        var analysis = DocumentAnalyzer.Describe(Item, failure, "pdfpig");

        Assert.Equal(status, analysis.Status);
        Assert.Equal(detail, analysis.StatusDetail);
        Assert.Equal("pdfpig", analysis.Extractor);
        Assert.Same(Item, analysis.Item);
        Assert.Null(analysis.Classification);
    }

    public static TheoryData<ExtractionResult.Failure> LibraryReasons => new()
    {
        new ExtractionResult.Encrypted("bad key 191212121212"),
        new ExtractionResult.Unsupported("bad key 191212121212"),
        new ExtractionResult.LimitReached("MaxUncompressedBytes", "bad key 191212121212"),
        new ExtractionResult.Corrupt("bad key 191212121212"),
    };

    [Theory]
    [MemberData(nameof(LibraryReasons))]
    public void Describe_ReasonThatMayQuoteALibrary_DigitRunsMasked(ExtractionResult.Failure failure)
    {
        var detail = DocumentAnalyzer.Describe(Item, failure, null).StatusDetail!;

        Assert.DoesNotContain("1212121212", detail, StringComparison.Ordinal);
        Assert.Contains("bad key ", detail, StringComparison.Ordinal);
    }

    public static TheoryData<ExtractionResult.Failure> OwnReasons => new()
    {
        new ExtractionResult.TimedOut("tidsgräns: filen kunde inte öppnas eller läsas på 900 s\n(rad två)"),
        new ExtractionResult.Unreadable("tidsgräns: filen kunde inte öppnas eller läsas på 900 s\n(rad två)"),
    };

    [Theory]
    [MemberData(nameof(OwnReasons))]
    public void Describe_ScanOwnReason_ShownAsItIs(ExtractionResult.Failure failure)
    {
        Assert.Equal(failure.Reason, DocumentAnalyzer.Describe(Item, failure, null).StatusDetail);
    }

    [Theory]
    [MemberData(nameof(Failures))]
    public void TextRead_Failure_Null(ExtractionResult.Failure failure, ScanStatus status, string detail)
    {
        Assert.Null(failure.TextRead);
        Assert.NotEqual(ScanStatus.Ok, status);
        Assert.False(string.IsNullOrEmpty(detail));
    }

    public static TheoryData<ExtractionResult, ScanStatus, string?> Judged => new()
    {
        { new ExtractionResult.Text(Segment("   ")), ScanStatus.NoText, "ingen text i filen" },
        { new ExtractionResult.Text(new ExtractedText([new TextSegment(SegmentKind.Body, "sida 1", " ")], pagesWithoutText: 2, pageCount: 2)), ScanStatus.NoText, "inget textlager på 2 av 2 sidor (skannad?)" },
        { new ExtractionResult.PartialText(new ExtractedText([new TextSegment(SegmentKind.Body, "brödtext", " ")]) { Truncated = true }, 1), ScanStatus.Error, "gräns MaxExtractedChars: filen har mer text än gränsen; den lästa delen (0 tecken) räcker inte för en bedömning och resten är oläst" },
        { new ExtractionResult.Text(Segment("vanlig text")), ScanStatus.Ok, null },
        { new ExtractionResult.Corrupt("truncated"), ScanStatus.Error, "trasig fil: truncated" },
    };

    [Theory]
    [MemberData(nameof(Judged))]
    public void Judge_Extraction_StatusFromTheResult(ExtractionResult result, ScanStatus status, string? detail)
    {
        var analysis = Analyzer.Judge(Item, new DocumentExtraction("scripted", result), CancellationToken.None);

        Assert.Equal(status, analysis.Status);
        Assert.Equal(detail, analysis.StatusDetail);
        Assert.Equal("scripted", analysis.Extractor);
    }

    [Fact]
    public void Bug_AnyException_CorruptWithTheTypeOnly()
    {
        var bug = Assert.IsType<ExtractionResult.Corrupt>(DocumentAnalyzer.Bug(new InvalidOperationException("near 19121212-1212")));

        Assert.Equal("kunde inte läsas (InvalidOperationException)", bug.Reason);
    }

    private static ExtractedText Segment(string text) => new([new TextSegment(SegmentKind.Body, "brödtext", text)]);
}
