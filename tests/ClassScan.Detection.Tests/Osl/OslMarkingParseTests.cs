using ClassScan.Policy;
using ClassScan.Detection.Osl;

namespace ClassScan.Detection.Tests.Osl;

public sealed class OslMarkingParseTests
{
    // line, expected Detail, expected level
    public static TheoryData<string, string, int> Markings => new()
    {
        { "SEKRETESS", "sekretess", 2 },
        { "Sekretess enligt 26 kap. 1 § OSL", "26:1", 3 },
        { "Omfattas av sekretess enligt 25 kap. 1 § OSL", "25:1", 3 },
        { "Omfattas av sekretess", "sekretess", 2 },
        { "Sekretess enl. 23:2 OSL", "23:2", 3 },
        { "Sekretess 23 kap 2§", "23:2", 3 },
        { "Sekretess 21 kap. 3 a § OSL", "21:3a", 3 },
        { "Sekretessmarkering – 21 kap. 3 § OSL", "21:3", 3 },
        { "Sekretessmarkering – 21 kap. 3 § OSL: ny elev", "21:3", 3 },
        { "Sekretess enligt 22 kap. 1 § OSL", "22:1", 3 },
        { "Sekretess enligt 21 kap. 1 § OSL", "21:1", 3 },
        { "Hemlig enligt 26 kap. 1 § OSL", "26:1", 3 },
        { "HEMLIG enligt 18 kap. 8 § OSL", "18:8", 2 },
        { "Sekretess enligt 18 kap. 8 § OSL", "18:8", 2 },
        { "HEMLIG", "hemlig", 3 },
        { "KVALIFICERAT HEMLIG", "hemlig", 3 },
        { "BEGRÄNSAT HEMLIG", "hemlig", 3 },
        { "Skyddade personuppgifter", "skyddade-personuppgifter", 3 },
        { "Skyddad identitet", "skyddade-personuppgifter", 3 },
        { "Sekretessmarkering", "sekretessmarkering", 3 },
        { "Anbud – sekretess 19 kap. 3 § OSL", "19:3", 2 },
        { "Sekretess begärs enligt 31 kap. 16 § OSL", "31:16", 2 },
        { "Personalsekretess 39 kap. 3 § OSL", "39:3", 2 },
        { "Sekretess enligt 39 kap. 1 § OSL.", "39:1", 2 },
        { "SEKRETESS – 26 kap. 1 § offentlighets- och sekretesslagen", "26:1", 3 },
        { "SEKRETESS – elevhälsa (23 kap. 2 § OSL)", "23:2", 3 },
        { "SEKRETESS enligt 25 kap. 1 § OSL – hälso- och sjukvård", "25:1", 3 },
        { "SEKRETESS – personalärende", "personal", 2 },
        { "Sekretess – socialtjänst", "socialtjanst", 3 },
        { "Sekretess enligt 26 kap. OSL", "26", 3 },
        { "Sekretess enligt 23 kap. 2 § och 25 kap. 1 § OSL", "23:2", 3 },
        { "Sekretess enligt 26 kap. 1 § OSL (2009:400)", "26:1", 3 },
        { "KONFIDENTIELL", "konfidentiell", 2 },
        { "STRIKT KONFIDENTIELL", "strikt-konfidentiell", 3 },
    };

    [Theory]
    [MemberData(nameof(Markings))]
    public void Parse_Marking_ReturnsDetailAndLevel(string line, string detail, int level)
    {
        var marking = OslMarking.Parse(line);

        Assert.NotNull(marking);
        Assert.Equal(detail, marking.Detail);
        Assert.Equal(level, marking.ImpliedLevel);
        Assert.Equal(level, OslProvisions.ImpliedLevelOf(marking.Detail));
    }

    [Theory]
    [InlineData("Material som faller under OSL ska inte hanteras i M365")]
    [InlineData("Sekretess och märkning")]
    [InlineData("Sekretessen inom elevhälsan regleras i 23 kap. 2 § och 25 kap. 1 § OSL.")]
    [InlineData("\"Sekretess enligt 26 kap. 1 § OSL\"")]
    [InlineData("sekretess enligt 26 kap. 1 § OSL gäller för uppgifter om enskilda")]
    [InlineData("Sekretess enligt 26 kap. 1 § OSL gäller för uppgifter om enskilda")]
    [InlineData("Sekretess enligt 26 kap. 1 § OSL och redovisas inte i den offentliga handlingen.")]
    [InlineData("Omfattas av sekretess enligt 26 kap. 1 § OSL och ska märkas i sidhuvudet.")]
    [InlineData("Skyddade personuppgifter – rutin för skolan")]
    [InlineData("Skyddade personuppgifter och sekretessmarkering")]
    [InlineData("Konfidentiell")]
    [InlineData("Konfidentiell information")]
    [InlineData("Exempel: Sekretess enligt 26 kap. 1 § OSL")]
    [InlineData("Hemligt telefonnummer")]
    [InlineData("Sekretessprövning görs av handläggaren")]
    [InlineData("Dataskydd och sekretess")]
    [InlineData("Handlingar som omfattas av sekretess enligt 26 kap. ska märkas")]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_DiscussionOrHeading_ReturnsNull(string line)
    {
        Assert.Null(OslMarking.Parse(line));
    }


    [Fact]
    public void Parse_CitedMarking_ExposesChapterSectionAndKind()
    {
        var marking = OslMarking.Parse("Hemlig enligt 26 kap. 1 § OSL");

        Assert.NotNull(marking);
        Assert.Equal(OslMarkingKind.Hemlig, marking.Kind);
        Assert.Equal(26, marking.Chapter);
        Assert.Equal("1", marking.Section);
        Assert.True(marking.HasCitation);
    }

    [Fact]
    public void Parse_VeryLongLine_ReturnsNull()
    {
        Assert.Null(OslMarking.Parse("SEKRETESS " + new string('x', 500)));
    }
}
