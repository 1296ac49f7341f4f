using ClassScan.Detection.Individuals;

namespace ClassScan.Detection.Tests.Individuals;

public sealed class NameSpanFinderTests
{
    private static readonly NameSpanFinder Finder = new(RecogniserFixture.Lexicon);

    // text, the word the name starts at, the name read, has a surname
    [Theory]
    [InlineData("Tänk på att Erik Mattsson är sjukskriven.", "Erik", "Erik Mattsson", true)]
    [InlineData("Anna-Karin Lindqvist-Berg har astma.", "Anna", "Anna-Karin Lindqvist-Berg", true)]
    [InlineData("Anna Maria Svensson kom.", "Anna", "Anna Maria Svensson", true)]
    [InlineData("Ringde Aune Salonen i morse.", "Aune", "Aune Salonen", true)]
    [InlineData("Medarbetare: Therese Hassan", "Therese", "Therese Hassan", true)]
    [InlineData("Samtal med Faadumo Warsame.", "Faadumo", "Faadumo Warsame", true)]
    [InlineData("Kerstin af Klint", "Kerstin", "Kerstin af Klint", true)]
    [InlineData("Majken är 70 år.", "Majken", "Majken", false)]
    [InlineData("Mohammeds anfall ska dokumenteras.", "Mohammeds", "Mohammeds", false)]
    [InlineData("Per Strand ringde.", "Per", "Per Strand", true)]
    [InlineData("We wrote to Mr Virtanen today.", "Virtanen", "Virtanen", true)]
    public void TryRead_NameShape_ReadsTheName(string text, string at, string expected, bool hasSurname)
    {
        var segment = RecogniserFixture.Segment(text);
        var k = segment.Context.FirstTokenAtOrAfter(text.IndexOf(at, StringComparison.Ordinal));

        Assert.True(Finder.TryRead(segment, k, segment.Tokens.Count, afterRole: false, out var span));
        Assert.Equal(expected, RecogniserFixture.TextOf(segment, span));
        Assert.Equal(hasSurname, span.HasSurname);
    }

    [Theory]
    [InlineData("Elsa Beskows skola ligger här.", "Elsa")]
    [InlineData("Vi går till Gustav Adolfs torg.", "Adolfs")]
    [InlineData("Se avsnittet om lex Maria.", "Maria")]
    [InlineData("Lex Sarah gäller all personal.", "Lex")]
    [InlineData("Per capita ökade kostnaderna.", "Per")]
    [InlineData("Inga uppgifter saknas.", "Inga")]
    [InlineData("Liv och hälsa ung.", "Liv")]
    [InlineData("Socialnämnden beslutar.", "Socialnämnden")]
    [InlineData("anna svensson skriver utan versaler.", "anna")]
    public void TryRead_NotAName_ReadsNothing(string text, string at)
    {
        var segment = RecogniserFixture.Segment(text);
        var k = segment.Context.FirstTokenAtOrAfter(text.IndexOf(at, StringComparison.Ordinal));

        Assert.False(Finder.TryRead(segment, k, segment.Tokens.Count, afterRole: false, out _));
    }

    [Theory]
    [InlineData("Klient: Xhevdet Krasniqi", "Xhevdet", "Xhevdet Krasniqi")]
    [InlineData("eleven Zlatko Hodžić", "Zlatko", "Zlatko Hodžić")]
    public void TryRead_UnlistedPairAfterRole_ReadsTheName(string text, string at, string expected)
    {
        var segment = RecogniserFixture.Segment(text);
        var k = segment.Context.FirstTokenAtOrAfter(text.IndexOf(at, StringComparison.Ordinal));

        Assert.True(Finder.TryRead(segment, k, segment.Tokens.Count, afterRole: true, out var span));
        Assert.Equal(expected, RecogniserFixture.TextOf(segment, span));
    }

    [Fact]
    public void TryRead_OrganisationAfterRole_ReadsNothing()
    {
        var segment = RecogniserFixture.Segment("Sökande Tolkcentralen Öst AB");
        var k = segment.Context.FirstTokenAtOrAfter(8);

        Assert.False(Finder.TryRead(segment, k, segment.Tokens.Count, afterRole: true, out _));
    }
}
