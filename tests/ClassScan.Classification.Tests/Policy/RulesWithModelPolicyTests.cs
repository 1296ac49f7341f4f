using ClassScan.Classification;
using ClassScan.Core.Classification;
using ClassScan.Core.Documents;
using ClassScan.Core.Findings;
using ClassScan.Core.Language;

namespace ClassScan.Classification.Tests.Policy;

/// <summary>How the rules' floor and the model combine: the floor is never lowered; the model raises only on a
/// clear majority and only on a candidate a detector found (never on vocabulary alone), never to 3 without an
/// individual; without a candidate its suspicion is a "granska" note, not a flag; it decides 0 versus 1.</summary>
public sealed class RulesWithModelPolicyTests
{
    private static readonly ExtractedText Text = new([new TextSegment(SegmentKind.Body, "brödtext", "Anna Berg har diagnos")]);

    private sealed class FixedRules(KlassaLevel level) : IClassificationPolicy
    {
        public ClassificationResult Classify(IReadOnlyList<Finding> findings, ExtractedText text) => new(level, "regel", "R");
    }

    private sealed class FixedModel(params float[] scores) : ILevelModel
    {
        public LevelPrediction Predict(ExtractedText text, IReadOnlyList<Finding> findings) => LevelPrediction.FromScores(scores);
    }

    private static readonly Finding Pnr = new("se.personnummer", FindingKinds.Personnummer, Confidence.Medium, 0, 0, 1, "19121212-****");
    private static readonly Finding Health = new("se.halsa", FindingKinds.Halsa, Confidence.Low, 0, 0, 1, "di****", "diagnos");
    private static readonly Finding StrongHealth = new("se.halsa", FindingKinds.Halsa, Confidence.Medium, 0, 0, 1, "di****", HealthCategories.Diagnos);
    private static readonly Finding WeakName = new("se.individ", FindingKinds.Individ, Confidence.Low, 0, 0, 9, "A*** B*****", IndividualDetails.Namn);
    private static readonly Finding WeakFirstName = new("se.individ", FindingKinds.Individ, Confidence.Low, 0, 0, 4, "A***", IndividualDetails.Namn);
    private static readonly Finding StrongName = new("se.individ", FindingKinds.Individ, Confidence.Medium, 0, 0, 1, "A*** B*****", IndividualDetails.Namn);
    private static readonly Finding WeakSecurity = new("se.konfidentiellt", FindingKinds.KonfidentiellUppgift, Confidence.Low, 0, 0, 1, "larmkod: ****", ConfidentialDetails.Sakerhet);

    private static ClassificationResult Classify(KlassaLevel floor, float[] scores, params Finding[] findings) =>
        new RulesWithModelPolicy(new FixedRules(floor), new FixedModel(scores)).Classify(findings, Text);

    [Fact]
    public void Classify_ModelSaysPublicButRulesFoundPersonnummer_FloorStays()
    {
        var result = Classify(KlassaLevel.Konfidentiell, [0.9f, 0.1f, 0f, 0f], Pnr);

        Assert.Equal(KlassaLevel.Konfidentiell, result.Level);
        Assert.Equal("R", result.RuleId);
    }

    [Fact]
    public void Classify_NoRuleAndModelLeansPublic_IsZeroWithModelInReason()
    {
        var result = Classify(KlassaLevel.Intern, [0.7f, 0.25f, 0.05f, 0f]);

        Assert.Equal(KlassaLevel.Oppen, result.Level);
        Assert.Contains("klassificeraren", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_NoRuleAndModelLeansInternal_IsOne()
    {
        Assert.Equal(KlassaLevel.Intern, Classify(KlassaLevel.Intern, [0.3f, 0.6f, 0.1f, 0f]).Level);
    }

    [Fact]
    public void Classify_ModelUnsureAboutMustLeave_DoesNotRaise()
    {
        var result = Classify(KlassaLevel.Intern, [0.2f, 0.25f, 0.3f, 0.25f], Health);

        Assert.False(result.MustLeave);
    }

    [Theory]
    [InlineData(0f, 0.1f, 0.1f, 0.8f)]
    [InlineData(0f, 0.05f, 0.95f, 0f)]
    public void Classify_ModelSureButNoCandidate_NotFlaggedButLeftForReview(float p0, float p1, float p2, float p3)
    {
        var result = Classify(KlassaLevel.Intern, [p0, p1, p2, p3], Health);

        Assert.False(result.MustLeave, result.Reason);
        Assert.NotNull(result.Review);
        Assert.Contains("granska", result.RuleId, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_ModelUnsure_LeavesNoSuspicion()
    {
        var result = Classify(KlassaLevel.Intern, [0.3f, 0.4f, 0.2f, 0.1f], Health);

        Assert.Null(result.Review);
        Assert.DoesNotContain("granska", result.RuleId, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_ModelSaysThreeAndWeakNameBesideStrongHealth_RaisesToThreeNamingBoth()
    {
        var result = Classify(KlassaLevel.Intern, [0f, 0.1f, 0.1f, 0.8f], WeakName, StrongHealth);

        Assert.Equal(KlassaLevel.StriktKonfidentiell, result.Level);
        Assert.Equal("ML-3-individ-kanslig", result.RuleId);
        Assert.Contains("A*** B*****", result.Reason, StringComparison.Ordinal);
        Assert.Contains("diagnos: ****", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_ModelSaysThreeAndWeakSingleWordBesideHealth_IsNoCandidate()
    {
        var result = Classify(KlassaLevel.Intern, [0f, 0.1f, 0.1f, 0.8f], WeakFirstName, StrongHealth);

        Assert.False(result.MustLeave, result.Reason);
        Assert.NotNull(result.Review);
    }

    [Fact]
    public void Classify_ModelSaysTwoAndNamedPrivatePerson_RaisesToTwoNamingThePerson()
    {
        var result = Classify(KlassaLevel.Intern, [0f, 0.2f, 0.7f, 0.1f], StrongName);

        Assert.Equal(KlassaLevel.Konfidentiell, result.Level);
        Assert.Equal("ML-2-namngiven", result.RuleId);
        Assert.Contains("A*** B*****", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_ModelSaysThreeButOnlyAPersonAlone_RaisesOnlyToTwo()
    {
        var result = Classify(KlassaLevel.Intern, [0f, 0.1f, 0.1f, 0.8f], StrongName);

        Assert.Equal(KlassaLevel.Konfidentiell, result.Level);
    }

    [Fact]
    public void Classify_ModelSaysTwoAndDoubtfulDetail_RaisesNamingTheDetail()
    {
        var result = Classify(KlassaLevel.Intern, [0f, 0.2f, 0.7f, 0.1f], WeakSecurity);

        Assert.Equal(KlassaLevel.Konfidentiell, result.Level);
        Assert.Equal("ML-2-uppgift", result.RuleId);
        Assert.Contains("larmkod: ****", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_FloorTwoAndModelSaysThreeWithoutSensitiveData_StaysTwo()
    {
        var result = Classify(KlassaLevel.Konfidentiell, [0f, 0f, 0.2f, 0.8f], Pnr);

        Assert.Equal(KlassaLevel.Konfidentiell, result.Level);
        Assert.Equal("R", result.RuleId);
    }

    [Fact]
    public void Classify_EnglishTextWithCandidate_ModelDoesNotRaise()
    {
        var english = Text.WithLanguages(new LanguageProfile(LanguageCodes.English, []));
        var result = new RulesWithModelPolicy(new FixedRules(KlassaLevel.Intern), new FixedModel(0f, 0.1f, 0.1f, 0.8f)).Classify([StrongName, StrongHealth], english);

        Assert.False(result.MustLeave, result.Reason);
        Assert.Null(result.Review);
    }

    [Fact]
    public void Classify_EnglishTextWithoutEvidence_ReasonNamesTheLanguage()
    {
        var english = Text.WithLanguages(new LanguageProfile(LanguageCodes.English, []));
        var result = new RulesWithModelPolicy(new FixedRules(KlassaLevel.Intern), new FixedModel(0.8f, 0.2f, 0f, 0f)).Classify([], english);

        Assert.Contains("engelska", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_ModelConfidentLevelThreeWithPersonnummer_RaisesToThree()
    {
        var result = Classify(KlassaLevel.Konfidentiell, [0f, 0f, 0.2f, 0.8f], Pnr, Health);

        Assert.Equal(KlassaLevel.StriktKonfidentiell, result.Level);
    }
}
