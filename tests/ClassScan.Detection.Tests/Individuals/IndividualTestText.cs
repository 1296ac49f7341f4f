using ClassScan.Core.Documents;

namespace ClassScan.Detection.Tests.Individuals;

/// <summary>Builds extracted text for the individual-detector tests.</summary>
internal static class IndividualTestText
{
    public static ExtractedText Body(params string[] paragraphs) =>
        new([.. paragraphs.Select(p => new TextSegment(SegmentKind.Body, "test", p))]);

    public static ExtractedText Table(params string[] rows) =>
        new([.. rows.Select(r => new TextSegment(SegmentKind.Table, "test", r))]);
}
