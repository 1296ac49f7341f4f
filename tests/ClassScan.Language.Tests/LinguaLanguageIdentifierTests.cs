using ClassScan.Core.Documents;
using ClassScan.Core.Language;

namespace ClassScan.Language.Tests;

public sealed class LinguaLanguageIdentifierTests
{
    private static readonly LinguaLanguageIdentifier Identifier = new();
    private static readonly LinguaLanguageIdentifier LinguaOnly = new(functionWordShortcut: false);

    private static ExtractedText Body(params string[] paragraphs) =>
        new([.. paragraphs.Select(p => new TextSegment(SegmentKind.Body, "test", p))]);

    public static TheoryData<string, string> Paragraphs => new()
    {
        { Texts.Swedish, "sv" },
        { Texts.English, "en" },
        { Texts.Finnish, "fi" },
        { Texts.Norwegian, "nb" },
        { Texts.Danish, "da" },
        { Texts.German, "de" },
        { Texts.SwedishList, "sv" },
    };

    [Theory]
    [MemberData(nameof(Paragraphs))]
    public void Identify_ParagraphInOneLanguage_ReturnsItsCode(string paragraph, string expected)
    {
        var profile = Identifier.Identify(Body(paragraph));

        Assert.Equal(expected, profile.Document);
        Assert.Equal(expected, profile.Of(0));
    }

    [Theory]
    [MemberData(nameof(Paragraphs))]
    public void Identify_WithoutShortcut_LinguaAgrees(string paragraph, string expected)
    {
        Assert.Equal(expected, LinguaOnly.Identify(Body(paragraph)).Document);
    }

    [Theory]
    [InlineData(Texts.Norwegian)]
    [InlineData(Texts.Danish)]
    public void Identify_ScandinavianNeighbour_DoesNotAllowSwedishVocabulary(string paragraph)
    {
        Assert.False(LanguageCodes.AllowsSwedishVocabulary(Identifier.Identify(Body(paragraph)).Document));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("12345 678-90 2024-11-05 13:45 ### 99 %")]
    [InlineData("Hej Anna!")]
    [InlineData("Budget 2025 v3")]
    public void Identify_NoOrTooFewLetters_ReturnsUnknownDocument(string text)
    {
        var profile = Identifier.Identify(Body(text));

        Assert.Null(profile.Document);
        Assert.Null(profile.Of(0));
        Assert.True(LanguageCodes.AllowsSwedishVocabulary(profile.Of(0)));
    }

    [Fact]
    public void Identify_NoSegments_ReturnsUnknown()
    {
        Assert.Same(LanguageProfile.Unknown, Identifier.Identify(ExtractedText.Empty));
    }

    [Fact]
    public void Identify_SwedishDocumentWithEnglishSummary_TagsTheSummaryEnglish()
    {
        var text = Body(Texts.Swedish, Texts.Swedish, Texts.English, Texts.Swedish);

        var profile = Identifier.Identify(text);

        Assert.Equal("sv", profile.Document);
        Assert.Equal("en", profile.Of(2));
        Assert.Equal("sv", profile.Of(0));
        Assert.Equal("sv", profile.Of(3));
    }

    [Fact]
    public void Identify_ShortSegmentInAnotherLanguage_InheritsTheDocumentLanguage()
    {
        // "Thank you for your help" has too few letters to tell: it inherits, it is not called English.
        var text = Body(Texts.Swedish, "Thank you for your help!", Texts.Swedish);

        var profile = Identifier.Identify(text);

        Assert.Null(profile.Segments[1]);
        Assert.Equal("sv", profile.Of(1));
    }

    [Fact]
    public void Identify_EnglishDocumentWithFinnishLetter_TagsTheLetterFinnish()
    {
        var text = Body(Texts.English, Texts.Finnish, Texts.English, Texts.English);

        var profile = Identifier.Identify(text);

        Assert.Equal("en", profile.Document);
        Assert.Equal("fi", profile.Of(1));
    }

    [Fact]
    public void Identify_MetadataOnlyInEnglish_DoesNotDecideTheDocument()
    {
        var text = new ExtractedText(
        [
            new TextSegment(SegmentKind.Metadata, "title", "Microsoft Word - Annual report of the committee for the year"),
            new TextSegment(SegmentKind.Body, "body", Texts.Swedish),
        ]);

        Assert.Equal("sv", Identifier.Identify(text).Document);
    }

    [Fact]
    public void Identify_ManyLongSegments_StaysWithinTheSegmentBudget()
    {
        var segments = Enumerable.Range(0, 200).Select(_ => Texts.English).ToArray();

        var profile = Identifier.Identify(Body(segments));

        Assert.Equal("en", profile.Document);
        var identified = profile.Segments.Count(s => s is not null);
        Assert.InRange(identified, 1, 6);
        // Every segment still reads as English: the rest inherit.
        Assert.All(Enumerable.Range(0, 200), i => Assert.Equal("en", profile.Of(i)));
    }

    [Fact]
    public void Identify_EnglishTableInSwedishDocument_InheritsTheDocumentLanguage()
    {
        // Tables and cells hold labels and names: they are not identified one by one (cost), they read as the document.
        var text = new ExtractedText(
        [
            new TextSegment(SegmentKind.Body, "p1", Texts.Swedish),
            new TextSegment(SegmentKind.Table, "t1", Texts.English),
            new TextSegment(SegmentKind.Body, "p2", Texts.Swedish),
        ]);

        var profile = Identifier.Identify(text);

        Assert.Null(profile.Segments[1]);
        Assert.Equal("sv", profile.Of(1));
    }

    [Fact]
    public void IdentifyText_EnglishSentence_ReturnsEn()
    {
        Assert.Equal("en", Identifier.IdentifyText(Texts.English));
        Assert.Null(Identifier.IdentifyText("ok"));
    }

    [Fact]
    public async Task Warm_BesideIdentifyOnOtherThreads_SameAnswersAsWithoutIt()
    {
        // A scan warms the models on a pool thread while its first documents may already be judged: a fresh
        // identifier (Lingua's models are shared per process, so only their first load can race) must answer as before.
        var fresh = new LinguaLanguageIdentifier(functionWordShortcut: false);
        var paragraphs = Paragraphs.Select(row => ((string)row[0], (string)row[1])).ToList();
        var warming = Enumerable.Range(0, 3).Select(_ => Task.Run(fresh.Warm));
        var judging = paragraphs.Select(p => Task.Run(() => (Expected: p.Item2, Actual: fresh.Identify(Body(p.Item1)).Document)));

        await Task.WhenAll(warming);
        var answers = await Task.WhenAll(judging);

        Assert.All(answers, a => Assert.Equal(a.Expected, a.Actual));
        fresh.Warm(); // again, once loaded: nothing to do, no error
        Assert.Equal("sv", fresh.Identify(Body(Texts.SwedishList)).Document);
    }
}
