using ClassScan.Core.Documents;

namespace ClassScan.Detection.Tests.Osl;

/// <summary>Builds extracted text for the OSL tests.</summary>
internal static class OslTestText
{
    public static ExtractedText Of(params (SegmentKind Kind, string Text)[] segments) =>
        new([.. segments.Select(s => new TextSegment(s.Kind, "test", s.Text))]);

    public static ExtractedText Body(params string[] paragraphs) =>
        Of([.. paragraphs.Select(p => (SegmentKind.Body, p))]);
}
