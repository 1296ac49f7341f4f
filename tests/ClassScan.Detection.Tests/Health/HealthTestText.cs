using ClassScan.Core.Documents;

namespace ClassScan.Detection.Tests.Health;

/// <summary>Builds extracted text for the health and sensitive-category tests.</summary>
internal static class HealthTestText
{
    public static ExtractedText Body(params string[] paragraphs) =>
        new([.. paragraphs.Select(p => new TextSegment(SegmentKind.Body, "test", p))]);
}
