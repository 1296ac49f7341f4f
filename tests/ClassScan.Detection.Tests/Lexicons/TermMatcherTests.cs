using ClassScan.Detection.Lexicons;
using ClassScan.Detection.Text;

namespace ClassScan.Detection.Tests.Lexicons;

public sealed class TermMatcherTests
{
    private static LexiconTerm Term(string stem, TokenMode mode) => new([new TermToken(stem, mode, false)], "test", false, null, 0);

    private static List<string> Found(TermMatcher matcher, string text)
    {
        var tokens = new List<WordToken>();
        WordTokenizer.Tokenize(text, tokens);
        var matches = new List<TermMatch>();
        matcher.FindAll(text, text.ToLowerInvariant(), tokens, 0, tokens.Count, matches);
        return matches.Select(m => text[m.Start..m.End]).ToList();
    }

    [Theory]
    // A stem walked from the word's first letter: with an ending, as a compound's first part.
    [InlineData("diabetes", nameof(TokenMode.Inflect), "Hon har diabetes.", "diabetes")]
    [InlineData("diabet", nameof(TokenMode.Compound), "diabetesmottagningen ringde", "diabetesmottagningen")]
    // A stem as a compound's last part: found by the walks from inner letters.
    [InlineData("diabetes", nameof(TokenMode.Compound), "typ 1-diabetes och barndiabetes", "diabetes|barndiabetes")]
    [InlineData("cancer", nameof(TokenMode.Head), "bröstcancern upptäcktes", "bröstcancern")]
    [InlineData("sjukdom", nameof(TokenMode.Head), "Sjukdomar och LUNGSJUKDOM", "Sjukdomar|LUNGSJUKDOM")]
    public void FindAll_StemInText_Found(string stem, string mode, string text, string expected)
    {
        var matcher = new TermMatcher([Term(stem, Enum.Parse<TokenMode>(mode))]);

        Assert.Equal(expected, string.Join('|', Found(matcher, text)));
    }

    [Theory]
    [InlineData("cancer", nameof(TokenMode.Inflect), "bröstcancern upptäcktes")] // an inflected stem is not a compound's last part
    [InlineData("cancer", nameof(TokenMode.Head), "cancerogen")]                   // "ogen" is not an ending
    [InlineData("diabetes", nameof(TokenMode.Compound), "diabet dia betes")]
    [InlineData("sjukdom", nameof(TokenMode.Head), "sjuk dom")]
    public void FindAll_StemNotInText_NothingFound(string stem, string mode, string text)
    {
        var matcher = new TermMatcher([Term(stem, Enum.Parse<TokenMode>(mode))]);

        Assert.Empty(Found(matcher, text));
    }

    [Fact]
    public void FindAll_SingleLetterStem_StillFound()
    {
        // A one-letter stem has no letter pair: the pair gate must not hide it (a vitamin "d" with endings, in a compound).
        var matcher = new TermMatcher([Term("d", TokenMode.Compound), Term("hepatit", TokenMode.Compound)]);

        Assert.Equal("d|dvitaminbrist|hepatiten", string.Join('|', Found(matcher, "d dvitaminbrist hepatiten")));
    }
}
