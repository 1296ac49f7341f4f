using ClassScan.Classification.Data;
using ClassScan.Classification.Evaluation;
using ClassScan.Classification.Tests.Support;
using ClassScan.TestSupport;
using Xunit.Abstractions;

namespace ClassScan.Classification.Tests;

/// <summary>
/// Sanity of the scan-path evaluation on the shared sets (rules only): every labelled test row is judged or
/// skipped with a status, each in its own set. No score is asserted: the numbers move with the detectors.
/// </summary>
[Trait("Category", "Shared")]
public sealed class SharedSetsEvaluationTests(ITestOutputHelper output)
{
    [SharedFact]
    public void EvaluateScan_Dev2AndPublicTestSplits_AccountsForEveryRow()
    {
        LabelledSet[] sets =
        [
            new("dev2", SharedData.Path("corpus", "dev2"), SharedData.Path("corpus", "dev2", "labels.csv")),
            new("public-sv", SharedData.Path("corpus", "public-sv"), SharedData.Path("corpus", "public-sv", "labels.csv")),
        ];

        var results = KlassaModelEvaluator.EvaluateScan(new CorpusOptions { Sets = sets, Analyzer = ScanAnalyzers.AllDetectors(), Split = "test" });

        Assert.Equal(["dev2", "public-sv"], results.Select(r => r.Set));
        for (var i = 0; i < sets.Length; i++)
        {
            var r = results[i].Result;
            var rows = LabelsCsv.Read(sets[i].LabelsPath).Count(l => l.Split == "test");
            output.WriteLine($"{sets[i].Name}: {r.Total} judged, {r.Skipped.Count} skipped; public false flags {r.PublicFalseFlags}/{r.PublicDocuments}");
            Assert.Equal(rows, r.Total + r.Skipped.Count);
            Assert.All(r.Documents, d => Assert.Equal(sets[i].Name, d.Set));
            Assert.All(r.Documents, d => Assert.False(string.IsNullOrEmpty(d.RuleId)));
        }
        // Every public-sv document is public (0|1): its false-flag count is its must-leave false positives.
        var pub = results[1].Result;
        Assert.Equal(pub.Total, pub.PublicDocuments);
        Assert.Equal(pub.MustLeave.FalsePositives, pub.PublicFalseFlags);
    }
}
