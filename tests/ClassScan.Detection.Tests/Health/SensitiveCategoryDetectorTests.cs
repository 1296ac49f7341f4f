using ClassScan.Core.Findings;
using ClassScan.Detection.Sensitive;

namespace ClassScan.Detection.Tests.Health;

// Lives beside the health tests (same lexicon engine, same test filter); it tests src/Sensitive.
public sealed class SensitiveCategoryDetectorTests
{
    private readonly SensitiveCategoryDetector detector = new();

    private List<Finding> Detect(string text)
    {
        var findings = new List<Finding>();
        detector.Detect(HealthTestText.Body(text), findings);
        return findings;
    }

    public static TheoryData<string, string, string> Positives => new()
    {
        { "Kommunal företräder vid förhandlingen följande medlemmar.", "Kommunal", SensitiveCategories.Fackmedlemskap },
        { "Han är medlem i Vision sedan 2019.", "medlem i Vision", SensitiveCategories.Fackmedlemskap },
        { "Hon är ansluten till Vision sedan 2019.", "Vision", SensitiveCategories.Fackmedlemskap },
        { "Juni Lindqvist\tFackavgift\t193 kr\tLärarförbundet", "Fackavgift", SensitiveCategories.Fackmedlemskap },
        { "Hon är medlem i Sverigedemokraterna.", "Sverigedemokraterna", SensitiveCategories.PolitiskAsikt },
        { "Han konverterade till islam förra året.", "konverterade", SensitiveCategories.Religion },
        { "Hon berättade om sin sexuella läggning.", "sexuella läggning", SensitiveCategories.Sexualitet },
        { "Familjen har romsk bakgrund.", "romsk", SensitiveCategories.Etnicitet },
        { "Ett DNA-prov togs.", "DNA-prov", SensitiveCategories.GenetikBiometri },
        { "Daniel Eriksson är misstänkt för olaga hot mot tjänsteman.", "misstänkt för", SensitiveCategories.Brott },
        { "Han dömdes för misshandel 2021.", "dömdes", SensitiveCategories.Brott },
        { "Socialnämnden ansöker om vård enligt LVU.", "vård enligt LVU", SensitiveCategories.Socialtjanst },
        { "Lucas är placerad i familjehem sedan 2022.", "placerad i familjehem", SensitiveCategories.Socialtjanst },
        { "Beslut om försörjningsstöd för november.", "försörjningsstöd", SensitiveCategories.Socialtjanst },
        { "Skolan har gjort en orosanmälan till socialtjänsten.", "orosanmälan", SensitiveCategories.Socialtjanst },
        { "Eleven har skyddade personuppgifter.", "skyddade personuppgifter", SensitiveCategories.SkyddadIdentitet },
    };

    [Theory]
    [MemberData(nameof(Positives))]
    public void Detect_SensitiveCategory_ReportsTermWithCategory(string text, string word, string category)
    {
        var finding = Assert.Single(Detect(text), f => text.Substring(f.Start, f.Length) == word);

        Assert.Equal(FindingKinds.KansligKategori, finding.Kind);
        Assert.Equal(category, finding.Detail);
        Assert.True(finding.Confidence >= Confidence.Medium);
    }

    [Theory]
    [InlineData("Närvarande: arbetsgivarens företrädare samt representanter för Kommunal, Vision och Vårdförbundet.")]
    [InlineData("– Vi vill att alla ska känna sig delaktiga, säger Kristina Löfgren (MP), ordförande.")]
    [InlineData("Socialdemokraterna och Moderaterna lade ett gemensamt förslag.")]
    [InlineData("Kommunal service ska vara tillgänglig för alla.")]
    [InlineData("Antalet resande i kollektivtrafiken ökade. Ett ras i aktiekursen oroar. Rom är en stad.")]
    [InlineData("Ert barn har placerats på Ekbackeskolan utifrån närhetsprincipen.")]
    [InlineData("Budget för ny idrottshall och renovering av simhallen.")]
    public void Detect_PublicOrUnrelatedText_ReportsNothingAboveLow(string text)
    {
        Assert.DoesNotContain(Detect(text), f => f.Confidence >= Confidence.Medium);
    }

    [Fact]
    public void Detect_UnionNamedWithoutMembership_ReportsNothing()
    {
        Assert.Empty(Detect("Protokollet justeras av Erik Johansson (arbetsgivaren) och Annika Lindberg (Kommunal)."));
    }

    [Fact]
    public void Detect_Statistics_ReportsOnlyLow()
    {
        var findings = Detect("Hushåll med försörjningsstöd ökade med 21 % och antalet orosanmälningar minskade.");

        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.Equal(Confidence.Low, f.Confidence));
    }

    [Theory]
    [InlineData("")]
    [InlineData("medlem medlem medlem")]
    [InlineData("LVU LVU LVU :::")]
    public void Detect_OddInput_WellFormedFindings(string text)
    {
        var input = HealthTestText.Body(text);
        var findings = Detect(text);

        FindingAssert.WellFormed(input, findings, t => Detect(t.Segments[0].Text));
        if (text.Length == 0) Assert.Empty(findings);
    }
}
