using ClassScan.Detection.Individuals;

namespace ClassScan.Detection.Tests.Individuals;

/// <summary>The detector's vocabulary, loaded once for the recogniser tests, and helpers to point at a name in a text.</summary>
internal static class RecogniserFixture
{
    private static readonly Lazy<IndividualLexicon> Shared = new(IndividualLexicon.Load);

    public static IndividualLexicon Lexicon => Shared.Value;

    public static IndividualSegment Segment(string text, bool swedish = true) => new(0, text, swedish);

    /// <summary>Reads the name that starts at the first occurrence of <paramref name="name"/>'s first word.</summary>
    public static (IndividualSegment Segment, NameSpan Name, int Line) NameIn(string text, string name, bool swedish = true, bool afterRole = false)
    {
        var segment = Segment(text, swedish);
        var start = text.IndexOf(name, StringComparison.Ordinal);
        Assert.True(start >= 0, "the test text holds the name");
        var k = segment.Context.FirstTokenAtOrAfter(start);
        var line = segment.LineIndexOf(start);
        var to = segment.Context.FirstTokenAtOrAfter(segment.Lines[line].End);
        Assert.True(new NameSpanFinder(Lexicon).TryRead(segment, k, to, afterRole, out var span), "the name is read");
        return (segment, span, line);
    }

    public static string TextOf(IndividualSegment segment, NameSpan span) =>
        segment.Text[segment.Tokens[span.First].Start..segment.Tokens[span.Last].End];
}
