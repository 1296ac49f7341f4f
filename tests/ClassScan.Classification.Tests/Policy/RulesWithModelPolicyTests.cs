using ClassScan.Classification;
using ClassScan.Core.Classification;
using ClassScan.Core.Documents;
using ClassScan.Core.Findings;

namespace ClassScan.Classification.Tests.Policy;

/// <summary>How the rules' floor and the model combine: the floor is never lowered; the model raises only on a
/// clear majority, never to 3 without an individual; it decides 0 versus 1.</summary>
public sealed class RulesWithModelPolicyTests
{
    private static readonly ExtractedText Text = new([new TextSegment(SegmentKind.Body, "brödtext", "x")]);

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

    [Fact]
    public void Classify_ModelConfidentLevelThreeWithoutIndividual_RaisesOnlyToTwo()
    {
        var result = Classify(KlassaLevel.Intern, [0f, 0.1f, 0.1f, 0.8f], Health);

        Assert.Equal(KlassaLevel.Konfidentiell, result.Level);
        Assert.Contains("granska", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_ModelConfidentLevelThreeWithPersonnummer_RaisesToThree()
    {
        var result = Classify(KlassaLevel.Konfidentiell, [0f, 0f, 0.2f, 0.8f], Pnr, Health);

        Assert.Equal(KlassaLevel.StriktKonfidentiell, result.Level);
    }
}
