using System.Security.Cryptography;
using System.Text.Json;
using ClassScan.Classification.Data;
using ClassScan.Classification.Evaluation;
using ClassScan.Classification.Training;
using ClassScan.Core.Classification;
using ClassScan.Core.Findings;
using ClassScan.Classification.Tests.Support;
using ClassScan.Policy;
using ClassScan.TestSupport.Fakes;

namespace ClassScan.Classification.Tests.Training;

public sealed class KlassaModelTrainerTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "classscan-train-" + Guid.NewGuid().ToString("N"));

    public KlassaModelTrainerTests()
    {
        Directory.CreateDirectory(Path.Combine(dir, "docs"));
        var rows = new List<string> { "file,split,level,doctype,family" };
        var n = 0;
        foreach (var e in TinyCorpus.Examples())
        {
            var name = $"docs/d{n++:D2}.txt";
            var text = string.Join("\n", e.Text.Segments.Select(s => s.Text));
            // Level-2 texts carry a Skatteverket test personnummer so the real detector finds it.
            if (e.Findings.Count > 0) text += "\nPersonnummer 19121212-1212";
            File.WriteAllText(Path.Combine(dir, name), text);
            // Families by position, so that every family holds several levels: a fold's model sees them all.
            rows.Add($"{name},{(n % 5 == 0 ? "test" : "train")},{e.Label},tiny,fam{n % 4}");
        }
        rows.Add("docs/missing.txt,train,1,tiny,fam0");
        File.WriteAllLines(Path.Combine(dir, "labels.csv"), rows);
    }

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private CorpusOptions Corpus(string? split) => new()
    {
        Sets = [new LabelledSet("tiny", dir, Path.Combine(dir, "labels.csv"))],
        Analyzer = ScanAnalyzers.Personnummer(),
        DetectorIds = ["se.personnummer"],
        Split = split,
    };

    [Fact]
    public void Train_LabelledFolder_WritesModelAndMetadataWithHash()
    {
        var result = KlassaModelTrainer.Train(new TrainingOptions
        {
            Corpus = Corpus("train"),
            ModelPath = Path.Combine(dir, "out", "klassa.zip"),
            Hyperparameters = TinyCorpus.Settings,
            CrossValidationFolds = 3,
            Time = new FixedTimeProvider(new DateTimeOffset(2025, 11, 23, 12, 0, 0, TimeSpan.Zero)),
        });

        Assert.True(File.Exists(result.ModelPath));
        Assert.Equal(Path.ChangeExtension(result.ModelPath, ".json"), result.MetadataPath);
        var meta = JsonDocument.Parse(File.ReadAllText(result.MetadataPath)).RootElement;
        var sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(result.ModelPath)));
        Assert.Equal(sha, meta.GetProperty("modelSha256").GetString());
        Assert.Equal(sha, result.Metadata.ModelSha256);
        Assert.Equal("2025-11-23T12:00:00+00:00", meta.GetProperty("createdUtc").GetString());
        Assert.StartsWith("5.", result.Metadata.MlNetVersion, StringComparison.Ordinal);
        Assert.Equal(["se.personnummer"], result.Metadata.Detectors);
        Assert.Single(result.Skipped, s => s.File == "docs/missing.txt");
        Assert.NotNull(result.CrossValidation);
        Assert.Equal(result.Metadata.DocumentsPerLabel.Values.Sum(), result.CrossValidation!.Total);
        var set = Assert.Single(result.Metadata.Sets);
        Assert.Equal("tiny", set.Name);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(dir, "labels.csv")))), set.LabelsSha256);
        Assert.Equal(result.Metadata.DocumentsPerLabel, set.DocumentsPerLabel);
        Assert.Equal(1, set.SkippedDocuments);
        Assert.Null(result.Metadata.FamilyCrossValidation);
    }

    [Fact]
    public void Train_WithFamilyCrossValidation_RecordsRulesPlusModelScoresPerSet()
    {
        var policies = 0;
        var result = KlassaModelTrainer.Train(new TrainingOptions
        {
            Corpus = Corpus("train"),
            ModelPath = Path.Combine(dir, "out", "klassa.zip"),
            Hyperparameters = TinyCorpus.Settings,
            CrossValidationFolds = 0,
            FamilyCrossValidation = new FamilyCrossValidationOptions
            {
                PolicyFor = m => { policies++; return new RulesWithModelPolicy(new KlassaRuleEngine(), m); },
                MaxFolds = 3,
            },
        });

        var cv = Assert.IsType<FamilyCrossValidationMetadata>(result.Metadata.FamilyCrossValidation);
        Assert.Equal(3, cv.Folds);
        Assert.Equal(3, policies);
        var set = Assert.Single(cv.Sets);
        Assert.Equal("tiny", set.Set);
        // Every readable training document is judged once, out of its own family's fold.
        Assert.Equal(result.Metadata.DocumentsPerLabel.Values.Sum(), set.Judged);
        var json = JsonDocument.Parse(File.ReadAllText(result.MetadataPath)).RootElement;
        Assert.Equal(set.Judged, json.GetProperty("familyCrossValidation").GetProperty("sets")[0].GetProperty("judged").GetInt32());
    }

    [Fact]
    public void Train_NoFixedSettings_ChoosesAmongCandidatesByCrossValidation()
    {
        var candidates = new[] { TinyCorpus.Settings, TinyCorpus.Settings with { CharNgramLength = 0 } };

        var result = KlassaModelTrainer.Train(new TrainingOptions
        {
            Corpus = Corpus(split: null),
            ModelPath = Path.Combine(dir, "m.zip"),
            Candidates = candidates,
            CrossValidationFolds = 3,
        });

        Assert.Equal(2, result.Metadata.Candidates.Count);
        var (first, second) = (result.Metadata.Candidates[0], result.Metadata.Candidates[1]);
        // The second replaces the first only when clearly better (a margin against cross-validation noise).
        var expected = second.Selection > first.Selection + 0.02 ? second : first;
        Assert.Equal(expected.Hyperparameters, result.Metadata.Hyperparameters);
    }

    [Fact]
    public void Evaluate_TrainedModelOnTestSplit_JudgesEveryReadableRow()
    {
        var trained = KlassaModelTrainer.Train(new TrainingOptions
        {
            Corpus = Corpus("train"),
            ModelPath = Path.Combine(dir, "m.zip"),
            Hyperparameters = TinyCorpus.Settings,
            CrossValidationFolds = 0,
        });
        using var model = KlassaTextModel.Load(trained.ModelPath);

        var result = KlassaModelEvaluator.Evaluate(model, Corpus("test"));

        Assert.Equal(5, result.Total);
        Assert.Empty(result.Skipped);
        Assert.Null(trained.CrossValidation);
        Assert.All(result.Documents, d => Assert.Equal("tiny", d.DocType));
    }

    [Fact]
    public void Evaluate_LevelFunction_UsesItForEveryDocument()
    {
        var result = KlassaModelEvaluator.Evaluate((_, findings) =>
            findings.Any(f => FindingKinds.IsPersonalIdentityNumber(f.Kind)) ? KlassaLevel.Konfidentiell : KlassaLevel.Intern, Corpus(split: null));

        // Every level-2 text carries a personnummer and nothing else does: all level-2 rows are found.
        Assert.Equal(1.0, result.PerLevel[2].Recall);
        Assert.Equal(1.0, result.MustLeave.Precision);
        Assert.Single(result.Skipped);
    }
}
