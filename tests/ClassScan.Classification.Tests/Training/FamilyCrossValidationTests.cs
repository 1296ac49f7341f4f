using ClassScan.Classification.Data;
using ClassScan.Classification.Tests.Support;
using ClassScan.Classification.Training;
using ClassScan.Core.Classification;
using ClassScan.Policy;

namespace ClassScan.Classification.Tests.Training;

public sealed class FamilyCrossValidationTests : IDisposable
{
    private readonly LabelledFolder a = new();
    private readonly LabelledFolder b = new();

    public void Dispose()
    {
        a.Dispose();
        b.Dispose();
    }

    [Fact]
    public void AssignFolds_NoLimit_OneFoldPerFamily()
    {
        string[] families = ["lulea", "gavle", "lulea", "se-lex/sfs", "gavle", "lulea"];

        var fold = FamilyCrossValidation.AssignFolds(families, maxFolds: 0);

        Assert.Equal(3, fold.Distinct().Count());
        Assert.Equal(fold[0], fold[2]);
        Assert.Equal(fold[0], fold[5]);
        Assert.Equal(fold[1], fold[4]);
        Assert.NotEqual(fold[0], fold[1]);
        Assert.NotEqual(fold[1], fold[3]);
    }

    [Fact]
    public void AssignFolds_MoreFamiliesThanFolds_PacksWholeFamiliesEvenly()
    {
        // Sizes 3, 2, 2, 1 into two folds: {3, 1} and {2, 2}.
        string[] families = ["a", "a", "a", "b", "b", "c", "c", "d"];

        var fold = FamilyCrossValidation.AssignFolds(families, maxFolds: 2);

        Assert.Equal(2, fold.Distinct().Count());
        foreach (var g in families.Select((f, i) => (f, i)).GroupBy(x => x.f))
            Assert.Single(g.Select(x => fold[x.i]).Distinct());
        Assert.Equal([4, 4], fold.GroupBy(f => f).Select(g => g.Count()).Order());
        Assert.Equal(fold, FamilyCrossValidation.AssignFolds(families, maxFolds: 2));
    }

    [Fact]
    public void AssignFolds_LimitAboveFamilies_StillOneFoldPerFamily()
    {
        Assert.Equal(2, FamilyCrossValidation.AssignFolds(["x", "y", "x"], maxFolds: 12).Distinct().Count());
    }

    [Fact]
    public void Run_TwoSets_JudgesEveryTrainDocumentOnceWithTheFoldPolicy()
    {
        var n = 0;
        foreach (var e in TinyCorpus.Examples())
        {
            var text = string.Join("\n", e.Text.Segments.Select(s => s.Text)) + (e.Findings.Count > 0 ? "\nPersonnummer 19800102-2386" : "");
            // Three families in set a, two in set b; every family mixes levels, so each fold's model has several.
            var folder = n % 2 == 0 ? a : b;
            folder.Add($"d{n:D2}.txt", text, e.Label.ToString(), split: "train", family: (n % 2 == 0 ? "a" : "b") + (n % 3));
            n++;
        }
        a.Add("test-only.txt", "Kallelse", "0", split: "test", family: "a0");
        var policies = new List<RulesWithModelPolicy>();

        var result = FamilyCrossValidation.Run(
            new CorpusOptions { Sets = [a.Set("a"), b.Set("b")], Analyzer = ScanAnalyzers.Personnummer(), Split = "train" },
            new FamilyCrossValidationOptions
            {
                PolicyFor = m => { var p = new RulesWithModelPolicy(new KlassaRuleEngine(), m); policies.Add(p); return p; },
                Hyperparameters = TinyCorpus.Settings,
                MaxFolds = 0,
            });

        Assert.Equal(6, result.Families);
        Assert.Equal(6, result.Folds);
        Assert.Equal(6, policies.Count);
        Assert.Equal(["a", "b"], result.Sets.Select(s => s.Set));
        Assert.Equal(n, result.Pooled.Total);
        Assert.Equal((n + 1) / 2, result.Sets[0].Result.Total);
        Assert.Equal(n / 2, result.Sets[1].Result.Total);
        Assert.Equal(n, result.Pooled.Documents.Select(d => d.Set + d.File).Distinct().Count());
        // The rules' floor stands in every fold: every level-2 text carries a personnummer.
        Assert.All(result.Pooled.Documents.Where(d => d.Expected.Equals(LevelLabel.Of(KlassaLevel.Konfidentiell))), d => Assert.True(d.Predicted >= KlassaLevel.Konfidentiell));
        Assert.All(result.Pooled.Documents, d => Assert.False(string.IsNullOrEmpty(d.RuleId)));
    }
}
