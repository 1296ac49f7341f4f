using ClassScan.Classification.Data;
using ClassScan.Classification.Evaluation;
using ClassScan.Core.Classification;

namespace ClassScan.Classification.Tests.Evaluation;

public sealed class EvaluationResultTests
{
    private static EvaluatedDocument Doc(string label, int predicted, string? type = null) =>
        new($"d{Guid.NewGuid():N}", LevelLabel.Parse(label), (KlassaLevel)predicted, type);

    // Hand-made: 11 documents, 7 right. Worked out on paper in the comments below.
    private static EvaluationResult HandMade() => KlassaModelEvaluator.Evaluate(
    [
        Doc("0", 0), Doc("0", 0), Doc("0", 1),
        Doc("1", 1), Doc("1", 2),
        Doc("0|1", 0, "handwritten"), Doc("0|1", 3, "handwritten"),
        Doc("2", 2), Doc("2", 2), Doc("2", 1),
        Doc("3", 3), Doc("3", 2, "handwritten"),
    ]);

    [Fact]
    public void ExactMatch_AmbiguousLabels_AcceptEitherLevel()
    {
        var r = HandMade();

        Assert.Equal(12, r.Total);
        Assert.Equal(7, r.Correct);
        Assert.Equal(7.0 / 12, r.ExactMatch, 6);
    }

    [Fact]
    public void Count_HandMadeConfusion_ResolvesAmbiguousLabelsToNearestLevel()
    {
        var r = HandMade();
        int[,] expected =
        {
            { 3, 1, 0, 0 }, // 0,0,1 and "0|1"→0
            { 0, 1, 1, 1 }, // 1,2 and "0|1"→3 counted as a 1 judged 3
            { 0, 1, 2, 0 },
            { 0, 0, 1, 1 },
        };

        for (var l = 0; l < 4; l++)
            for (var p = 0; p < 4; p++)
                Assert.Equal(expected[l, p], r.Count((KlassaLevel)l, (KlassaLevel)p));
    }

    [Fact]
    public void PerLevel_HandMadeConfusion_GivesPrecisionAndRecall()
    {
        var r = HandMade();

        Assert.Equal(new LevelMetrics(KlassaLevel.Oppen, 4, 3, 3), r.PerLevel[0]);
        Assert.Equal(1.0, r.PerLevel[0].Precision, 6);
        Assert.Equal(0.75, r.PerLevel[0].Recall, 6);
        Assert.Equal(1.0 / 3, r.PerLevel[1].Precision, 6);
        Assert.Equal(1.0 / 3, r.PerLevel[1].Recall, 6);
        Assert.Equal(0.5, r.PerLevel[2].Precision, 6);
        Assert.Equal(2.0 / 3, r.PerLevel[2].Recall, 6);
        Assert.Equal(0.5, r.PerLevel[3].Precision, 6);
        Assert.Equal(0.5, r.PerLevel[3].Recall, 6);
    }

    [Fact]
    public void MustLeave_HandMadeConfusion_CountsLevelTwoAndThreeAsOneClass()
    {
        var r = HandMade();

        // Flagged: 1→2, "0|1"→3 (false); 2→2 twice, 3→3, 3→2 (true). Missed: 2→1.
        Assert.Equal(new MustLeaveMetrics(4, 2, 1), r.MustLeave);
        Assert.Equal(4.0 / 6, r.MustLeave.Precision, 6);
        Assert.Equal(4.0 / 5, r.MustLeave.Recall, 6);
    }

    [Fact]
    public void Where_DocTypeSubset_ScoresOnlyThoseDocuments()
    {
        var r = HandMade().Where(d => d.DocType == "handwritten");

        Assert.Equal(3, r.Total);
        Assert.Equal(1, r.Correct);
        Assert.Equal(new MustLeaveMetrics(1, 1, 0), r.MustLeave);
    }

    [Fact]
    public void Metrics_NoDocuments_AreNaNNotErrors()
    {
        var r = KlassaModelEvaluator.Evaluate([]);

        Assert.True(double.IsNaN(r.ExactMatch));
        Assert.True(double.IsNaN(r.MustLeave.Recall));
        Assert.True(double.IsNaN(r.PerLevel[2].Precision));
        Assert.Contains("n/a", r.ToTable(), StringComparison.Ordinal);
    }

    [Fact]
    public void ToTable_HandMade_ShowsSummaryLevelsAndConfusion()
    {
        var table = HandMade().ToTable();

        Assert.Contains("Level exact match: 0.583 (7/12", table, StringComparison.Ordinal);
        Assert.Contains("Must leave (level 2-3): precision 0.667 recall 0.800 (TP 4, FP 2, FN 1)", table, StringComparison.Ordinal);
        Assert.Contains("3 strikt konfidentiell", table, StringComparison.Ordinal);
        Assert.Contains("Confusion matrix", table, StringComparison.Ordinal);
        Assert.Equal(table, HandMade().ToString());
    }

    private static EvaluatedDocument Judged(string label, int predicted, string? rule, string file = "f") =>
        new(file, LevelLabel.Parse(label), (KlassaLevel)predicted, RuleId: rule, Set: "s");

    [Theory]
    [InlineData("0", 2, true)]
    [InlineData("0", 3, true)]
    [InlineData("0|1", 2, true)]
    [InlineData("0|1", 3, true)]
    [InlineData("0", 1, false)]
    [InlineData("0|1", 1, false)]
    [InlineData("1", 2, false)]
    [InlineData("2", 3, false)]
    [InlineData("2|3", 2, false)]
    public void IsPublicFalseFlag_LabelAndPrediction_OnlyPublicLabelsJudgedTwoOrThree(string label, int predicted, bool expected)
    {
        Assert.Equal(expected, Judged(label, predicted, "R").IsPublicFalseFlag);
    }

    [Theory]
    [InlineData("ML-2", true, false)]
    [InlineData("ml-3", true, false)]
    [InlineData("R5-granska", true, false)]
    [InlineData("R5+ML-1", false, true)]
    [InlineData("R5+ML-0", false, true)]
    [InlineData("R2-individ-kanslig+ML-3", false, true)]
    [InlineData("R3", false, false)]
    [InlineData("R2-individ-kanslig", false, false)]
    [InlineData(null, false, false)]
    public void ModelFlags_RuleId_TellModelOnlyFromRulePlusModel(string? rule, bool modelOnly, bool combined)
    {
        var d = Judged("1", 1, rule);

        Assert.Equal(modelOnly, d.IsModelOnly);
        Assert.Equal(combined, d.IsModelCombined);
    }

    [Fact]
    public void PublicFalseFlags_MixedDocuments_CountAndRateOverPublicLabelsOnly()
    {
        var r = KlassaModelEvaluator.Evaluate(
        [
            Judged("0", 0, "R5+ML-0"), Judged("0", 2, "ML-2"), Judged("0|1", 3, "R2"), Judged("0|1", 1, "R5+ML-1"),
            Judged("1", 2, "R3"), Judged("3", 3, "R2+ML-3"),
        ]);

        Assert.Equal(4, r.PublicDocuments);
        Assert.Equal(2, r.PublicFalseFlags);
        Assert.Equal(0.5, r.PublicFalseFlagRate, 6);
        Assert.Equal(1, r.ModelOnlySuspicions);
        Assert.Equal(3, r.ModelCombined);
        Assert.Equal(new MustLeaveMetrics(1, 3, 0), r.MustLeave);
        var table = r.ToTable();
        Assert.Contains("False flags on public documents (label 0 or 0|1 judged 2-3): 2/4 (50.0 %)", table, StringComparison.Ordinal);
        Assert.Contains("Model-only suspicions (rule ML-* or granska): 1; rule + model verdicts (+ML-): 3", table, StringComparison.Ordinal);
    }

    [Fact]
    public void PublicFalseFlagRate_NoPublicDocuments_IsNaN()
    {
        var r = KlassaModelEvaluator.Evaluate([Judged("3", 2, "R3")]);

        Assert.Equal(0, r.PublicDocuments);
        Assert.True(double.IsNaN(r.PublicFalseFlagRate));
        Assert.Contains("0/0 (n/a)", r.ToTable(), StringComparison.Ordinal);
    }

    [Fact]
    public void RuleIdsAndMisses_MixedDocuments_CountByRuleAndListWrongOnesByFile()
    {
        var r = KlassaModelEvaluator.Evaluate(
        [
            Judged("1", 1, "R5", "c"), Judged("2", 1, "R5", "b"), Judged("0", 3, "R2", "a"), Judged("3", 3, "R2", "d"), Judged("2", 2, "R3", "e"),
        ]);

        Assert.Equal([KeyValuePair.Create("R2", 2), KeyValuePair.Create("R5", 2), KeyValuePair.Create("R3", 1)], r.RuleIds());
        Assert.Equal(["a", "b"], r.Misses.Select(d => d.File));
    }
}
