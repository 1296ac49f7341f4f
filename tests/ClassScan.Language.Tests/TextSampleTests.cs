using ClassScan.Core.Documents;

namespace ClassScan.Language.Tests;

public sealed class TextSampleTests
{
    [Fact]
    public void Spread_ShortText_ReturnsAllOfIt()
    {
        var sample = TextSample.Spread([new(SegmentKind.Body, "a", "första"), new(SegmentKind.Body, "b", "andra")], 3, 100);

        Assert.Equal("första\nandra\n", sample);
    }

    [Fact]
    public void Spread_LongText_TakesStartMiddleAndEndWithinBudget()
    {
        var segments = new List<TextSegment>();
        for (var i = 0; i < 100; i++) segments.Add(new(SegmentKind.Body, $"p{i}", $"<{i:D2}>" + new string('x', 96)));

        var sample = TextSample.Spread(segments, 3, 200);

        Assert.InRange(sample.Length, 3 * 200, 3 * 200 + 10);
        Assert.Contains("<00>", sample, StringComparison.Ordinal);
        Assert.Contains("<50>", sample, StringComparison.Ordinal);
        Assert.Contains("<99>", sample, StringComparison.Ordinal);
        Assert.DoesNotContain("<25>", sample, StringComparison.Ordinal);
    }

    [Fact]
    public void Spread_MetadataAndSheetNames_AreLeftOut()
    {
        var sample = TextSample.Spread([new(SegmentKind.Metadata, "m", "Title"), new(SegmentKind.SheetName, "s", "Sheet1"), new(SegmentKind.Cell, "c", "cell")], 3, 100);

        Assert.Equal("cell\n", sample);
    }

    [Theory]
    [InlineData("abc def ghi", 7, "abc")]
    [InlineData("abcdefghij", 4, "abcd")]
    [InlineData("kort", 10, "kort")]
    public void Head_CutsAtASpaceNearTheLimit(string text, int max, string expected)
    {
        Assert.Equal(expected, TextSample.Head(text, max));
    }

    [Theory]
    [InlineData("", 10, 0)]
    [InlineData("12 34 -- !!", 10, 0)]
    [InlineData("åäö abc", 10, 6)]
    [InlineData("abcdefghijklmnop", 5, 5)]
    public void Letters_CountsUpToEnough(string text, int enough, int expected)
    {
        Assert.Equal(expected, TextSample.Letters(text, enough));
    }
}
