using System.Buffers;
using System.Text.RegularExpressions;
using ClassScan.Detection.Text;

namespace ClassScan.Detection.Tests.Text;

public sealed partial class CueSearchTests
{
    // Every match of the pattern holds "kod" at most 4 characters after its start ("larmkod", "dörrkoden").
    private const string Pattern = @"(?<![\p{L}\d])(?:larm|dörr|port)?kod(?:en)?(?![\p{L}\d])";

    private static readonly SearchValues<string> Cues = SearchValues.Create(["kod"], StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(Pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Unanchored();

    [GeneratedRegex(@"\G" + Pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Anchored();

    private static List<(int Index, string Value)> AllAt(string text)
    {
        var found = new List<(int, string)>();
        for (var at = 0; CueSearch.NextAt(Anchored(), text, at, Cues, 4) is { } m; at = m.Index + m.Length) found.Add((m.Index, m.Value));
        return found;
    }

    [Theory]
    [InlineData("Larmkod: 4711")]
    [InlineData("LARMKODEN byts, dörrkod och portkod likaså")]
    [InlineData("koden kod kod")]
    [InlineData("xlarmkod larmkod")]
    [InlineData("Portkoden 1234. Dörrkod 5678.")]
    public void NextAt_CuesInText_SameMatchesAsTheRegex(string text)
    {
        var expected = Unanchored().Matches(text).Select(m => (m.Index, m.Value)).ToList();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, AllAt(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("ingen sådan uppgift här")]
    [InlineData("kodlås och larmkodx")]
    [InlineData("2kod, lösenkod9")]
    public void NextAt_NoMatch_Null(string text)
    {
        Assert.Empty(Unanchored().Matches(text));
        Assert.Empty(AllAt(text));
    }

    [Theory]
    [InlineData("Larm\u212Aod: 4711", "larmkod")] // the Kelvin sign, which IgnoreCase equates with k
    [InlineData("Kodlåset i \u212Bsa", "åsa")] // the ångström sign (å)
    public void MayHold_CaseVariant_TrueWhereAnOrdinalSearchMisses(string text, string word)
    {
        var words = SearchValues.Create([word], StringComparison.OrdinalIgnoreCase);

        Assert.False(text.AsSpan().ContainsAny(words));
        Assert.Matches(new Regex(word, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), text);
        Assert.True(CueSearch.MayHold(text, words));
        Assert.False(CueSearch.OrdinalCaseHolds(text));
    }

    [Theory]
    [InlineData("LARMKOD", true)]
    [InlineData("larmkoden", true)]
    [InlineData("larm kod", false)]
    [InlineData("", false)]
    public void MayHold_PlainText_WhetherAWordIsThere(string text, bool expected)
    {
        Assert.Equal(expected, CueSearch.MayHold(text, SearchValues.Create(["larmkod"], StringComparison.OrdinalIgnoreCase)));
        Assert.True(CueSearch.OrdinalCaseHolds(text));
    }
}
