using ClassScan.Core.Documents;
using ClassScan.Core.Findings;

namespace ClassScan.Detection.Tests;

/// <summary>What every finding of every detector must satisfy, whatever the input: it points into the text it was
/// found in, names its detector and kind, carries a sample, and the same text gives the same findings again.</summary>
internal static class FindingAssert
{
    public static void WellFormed(ExtractedText text, IReadOnlyList<Finding> findings, Func<ExtractedText, IReadOnlyList<Finding>> detectAgain)
    {
        foreach (var f in findings)
        {
            Assert.InRange(f.SegmentIndex, 0, text.Segments.Count - 1);
            var segment = text.Segments[f.SegmentIndex].Text;
            Assert.True(f.Start >= 0 && f.Length > 0 && f.Start + f.Length <= segment.Length,
                $"{f.DetectorId}/{f.Kind} at {f.Start}+{f.Length} outside a segment of {segment.Length} characters");
            Assert.False(string.IsNullOrEmpty(f.DetectorId));
            Assert.False(string.IsNullOrEmpty(f.Kind));
            Assert.False(string.IsNullOrEmpty(f.MaskedSample), $"{f.DetectorId}/{f.Kind} without a sample");
        }
        Assert.Equal(findings, detectAgain(text));
    }
}
