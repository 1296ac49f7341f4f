using ClassScan.Core.Classification;
using ClassScan.Core.Documents;
using ClassScan.Core.Findings;
using ClassScan.Detection;
using ClassScan.Detection.Confidential;
using ClassScan.Detection.Health;
using ClassScan.Detection.Individuals;
using ClassScan.Detection.Osl;
using ClassScan.Detection.Personnummer;
using ClassScan.Policy;
using ClassScan.Detection.Sensitive;

using ClassScan.Detection.Tests.Personnummer;
using ClassScan.TestSupport.Fakes;

namespace ClassScan.Detection.Tests.Policy;

/// <summary>
/// Each rule of classification-policy.md with Swedish examples, through the real detectors and the engine,
/// with the positive case and the look-alike that must not trigger it. Personnummer are Skatteverket test numbers.
/// </summary>
public sealed class KlassaRuleEngineTests
{
    // The scan's own detector list, so a new detector is covered here the day it joins the scan.
    private static readonly IReadOnlyList<IDetector> Detectors = StandardDetectors.Create(FixedTimeProvider.ScanDate);

    private static ClassificationResult Classify(params TextSegment[] segments)
    {
        var text = new ExtractedText(segments);
        var findings = new List<Finding>();
        foreach (var d in Detectors) d.Detect(text, findings);
        return new KlassaRuleEngine().Classify(findings, text);
    }

    private static TextSegment Body(string text) => new(SegmentKind.Body, "brödtext", text);
    private static TextSegment Header(string text) => new(SegmentKind.Header, "sidhuvud", text);

    [Theory]
    [InlineData("SEKRETESS enligt 26 kap. 1 § OSL", KlassaLevel.StriktKonfidentiell)]
    [InlineData("Sekretess 25 kap. 1 § OSL", KlassaLevel.StriktKonfidentiell)]
    [InlineData("Skyddade personuppgifter", KlassaLevel.StriktKonfidentiell)]
    [InlineData("Anbud – sekretess 19 kap. 3 § OSL", KlassaLevel.Konfidentiell)]
    [InlineData("Sekretess 18 kap. 8 § OSL", KlassaLevel.Konfidentiell)]
    public void Classify_MarkingInHeader_LevelOfTheCitedProvision(string stamp, KlassaLevel expected)
    {
        var result = Classify(Header(stamp), Body("Utredningen fortsätter enligt plan."));

        Assert.Equal(expected, result.Level);
        Assert.Equal("R1-markering", result.RuleId);
    }

    [Theory]
    [InlineData("Material som faller under OSL ska inte hanteras i M365.")]
    [InlineData("Handlingar som omfattas av sekretess enligt 26 kap. 1 § OSL ska märkas i sidhuvudet.")]
    [InlineData("Kommunen ska följa GDPR och offentlighets- och sekretesslagen när personuppgifter behandlas.")]
    public void Classify_TextThatDiscussesTheLaw_IsNotFlagged(string sentence)
    {
        var result = Classify(Body(sentence));

        Assert.False(result.MustLeave, result.Reason);
    }

    [Theory]
    [InlineData("Eleven Elsa Berg har diagnosen ADHD och får stöd av elevhälsan.")]
    [InlineData("Klient: Ahmed Yusuf. Han är sjukskriven sedan mars på grund av depression.")]
    [InlineData("Personnummer 200210272381. Eleven har diabetes typ 1 och tar insulin före lunch.")]
    public void Classify_IndividualAndHealthInOnePassage_IsLevelThree(string passage)
    {
        var result = Classify(Body(passage));

        Assert.Equal(KlassaLevel.StriktKonfidentiell, result.Level);
        Assert.StartsWith("R2", result.RuleId, StringComparison.Ordinal);
        Assert.Contains("samma stycke", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Psykisk ohälsa bland unga ökar enligt folkhälsorapporten, och fler får diagnosen ADHD.")]
    [InlineData("Depression och ångest är vanliga orsaker till sjukskrivning i Sverige.")]
    [InlineData("Statistik: 42 elever fick stöd av elevhälsan under läsåret.")]
    public void Classify_HealthVocabularyWithoutAnIndividual_IsNotLevelThree(string passage)
    {
        var result = Classify(Body(passage));

        Assert.NotEqual(KlassaLevel.StriktKonfidentiell, result.Level);
        Assert.False(result.MustLeave, result.Reason);
    }

    [Fact]
    public void Classify_PersonnummerAlone_IsLevelTwo()
    {
        var result = Classify(Body("Arbetstagare: Sara Nilsson, personnummer 198810072382. Tillträde 2025-08-01."));

        Assert.Equal(KlassaLevel.Konfidentiell, result.Level);
        Assert.Equal("R3-identitet", result.RuleId);
    }

    [Fact]
    public void Classify_PersonnummerAndDiagnosisInDifferentPassages_IsLevelTwoNotThree()
    {
        var filler = string.Join(' ', Enumerable.Repeat("Nämnden behandlade budgeten för nästa år och beslutade om nya riktlinjer.", 10));
        var result = Classify(Body("Sökande: 198810072382 ansöker om bygglov för ett garage."), Body(filler),
            Body("Informationsblad: diabetes är en vanlig sjukdom som kan behandlas med insulin."));

        Assert.Equal(KlassaLevel.Konfidentiell, result.Level);
    }

    [Fact]
    public void Classify_ListOfManyPersonnummerWithSocialServicesMeasure_IsLevelThree()
    {
        var rows = string.Join('\n', new[] { "200112172382", "201210102388", "200210272381", "200510182397", "201003032388", "201007242389" }
            .Select(p => $"{p}\t2025-03-01\t4 500 kr"));
        var result = Classify(Body("Utbetalning av försörjningsstöd mars"), Body(string.Concat(Enumerable.Repeat("Underlag från ekonomienheten. ", 20))), Body(rows));

        Assert.Equal(KlassaLevel.StriktKonfidentiell, result.Level);
    }

    [Fact]
    public void Classify_PasswordsWithValues_IsLevelTwo()
    {
        var result = Classify(Body("System\tAnvändarnamn\tLösenord\nVisma\tadm_visma\tXnYTsSeq8EyCQv2"));

        Assert.Equal(KlassaLevel.Konfidentiell, result.Level);
        Assert.Equal("R3-inloggning", result.RuleId);
    }

    [Fact]
    public void Classify_PasswordPolicyWithoutValues_IsNotFlagged()
    {
        var result = Classify(Body("Lösenordet ska ha minst 12 tecken och bytas en gång per år. Dela aldrig ditt lösenord."));

        Assert.False(result.MustLeave, result.Reason);
    }

    [Fact]
    public void Classify_NoEvidence_IsInternalByDefault()
    {
        var result = Classify(Body("Mötet avslutades klockan 16.30. Nästa möte hålls den 12 maj."));

        Assert.Equal(KlassaLevel.Intern, result.Level);
        Assert.Equal("R5-standard", result.RuleId);
    }

    [Fact]
    public void Classify_ReasonNeverQuotesTheNumberOrTheSentence()
    {
        var result = Classify(Body("Eleven Elsa Berg, 200210272381, har diagnosen ADHD."));

        Assert.DoesNotContain("200210272381", result.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("ADHD", result.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("Elsa", result.Reason, StringComparison.Ordinal);
    }
}
