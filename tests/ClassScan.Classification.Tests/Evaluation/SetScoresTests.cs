using System.Text.Json;
using ClassScan.Classification.Data;
using ClassScan.Classification.Evaluation;
using ClassScan.Core.Classification;

namespace ClassScan.Classification.Tests.Evaluation;

public sealed class SetScoresTests
{
    private static EvaluatedDocument Doc(string file, string label, int predicted, string rule) =>
        new(file, LevelLabel.Parse(label), (KlassaLevel)predicted, RuleId: rule, Set: "dev2");

    private static EvaluationResult Result() => new(
        [Doc("a.docx", "0|1", 3, "R2"), Doc("b.docx", "2", 2, "R3"), Doc("c.docx", "3", 1, "R5+ML-1")],
        [new SkippedDocument("d.pdf", "ingen text i filen", "dev2", "no-text"), new SkippedDocument("e.x", "format", "dev2", "unsupported"), new SkippedDocument("f.x", "format", "dev2", "unsupported")]);

    [Fact]
    public void From_Result_CopiesEveryNumberAndTheMisses()
    {
        var s = SetScores.From("dev2", Result());

        Assert.Equal(3, s.Judged);
        Assert.Equal(3, s.Skipped);
        Assert.Equal(new Dictionary<string, int> { ["no-text"] = 1, ["unsupported"] = 2 }, s.SkippedByStatus);
        Assert.Equal(1, s.Correct);
        Assert.Equal((1, 1, 1), (s.MustLeaveTruePositives, s.MustLeaveFalsePositives, s.MustLeaveFalseNegatives));
        Assert.Equal(0.5, s.MustLeavePrecision);
        Assert.Equal((1, 1, 1.0), (s.PublicDocuments, s.PublicFalseFlags, s.PublicFalseFlagRate!.Value));
        Assert.Equal(1, s.ModelCombined);
        // "0|1" judged 3 resolves to 1; "3" judged 1 stays 3.
        Assert.Equal(1, s.Confusion[1][3]);
        Assert.Equal(1, s.Confusion[3][1]);
        Assert.Equal(1, s.Confusion[2][2]);
        Assert.Equal(3, s.Confusion.Sum(row => row.Sum()));
        Assert.Equal(["a.docx", "c.docx"], s.Misses.Select(m => m.File));
        Assert.Equal(new MissedDocument("c.docx", "3", 1, "R5+ML-1"), s.Misses[1]);
    }

    [Fact]
    public void From_UndefinedRatios_AreNullNotNaN()
    {
        var s = SetScores.From("empty", new EvaluationResult([]));

        Assert.Null(s.ExactMatch);
        Assert.Null(s.MustLeaveRecall);
        Assert.Null(s.PublicFalseFlagRate);
        Assert.All(s.Levels, l => Assert.Null(l.Precision));
    }

    [Fact]
    public void Write_Report_IsCamelCaseJsonWithTheSetNumbers()
    {
        var path = Path.Combine(Path.GetTempPath(), "classscan-report-" + Guid.NewGuid().ToString("N"), "eval.json");
        try
        {
            new EvaluationReport { Split = "test", Verdicts = "rules only", Sets = [SetScores.From("dev2", Result(), withMisses: false)] }.Write(path);

            var root = JsonDocument.Parse(File.ReadAllText(path)).RootElement;
            var set = root.GetProperty("sets")[0];
            Assert.Equal("test", root.GetProperty("split").GetString());
            Assert.Equal(1, set.GetProperty("publicFalseFlags").GetInt32());
            Assert.Equal(JsonValueKind.Null, root.GetProperty("crossValidation").ValueKind);
            Assert.Equal(0, set.GetProperty("misses").GetArrayLength());
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }
}
