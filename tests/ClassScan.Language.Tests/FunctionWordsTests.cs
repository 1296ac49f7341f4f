namespace ClassScan.Language.Tests;

public sealed class FunctionWordsTests
{
    [Theory]
    [InlineData(Texts.Swedish, "sv")]
    [InlineData(Texts.English, "en")]
    public void Obvious_RunningProse_ReturnsItsLanguage(string text, string expected)
    {
        Assert.Equal(expected, FunctionWords.Obvious(text));
    }

    [Theory]
    [InlineData(Texts.Norwegian)]
    [InlineData(Texts.Danish)]
    [InlineData(Texts.Finnish)]
    [InlineData(Texts.German)]
    [InlineData(Texts.SwedishList)]
    [InlineData("Det är bra och att det är så.")] // too few words to be sure
    public void Obvious_NeighboursListsAndShortText_LeavesItToLingua(string text)
    {
        Assert.Null(FunctionWords.Obvious(text));
    }

    [Fact]
    public void Obvious_HalfSwedishHalfEnglish_LeavesItToLingua()
    {
        Assert.Null(FunctionWords.Obvious(Texts.Swedish + " " + Texts.English));
    }
}
