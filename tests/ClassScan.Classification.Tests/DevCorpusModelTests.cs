using System.Diagnostics;
using ClassScan.Classification.Evaluation;
using ClassScan.Classification.Training;
using ClassScan.TestSupport;
using Xunit.Abstractions;

namespace ClassScan.Classification.Tests;

/// <summary>
/// Trains on shared/corpus/dev train split and scores the model alone (no rules) on the test split. The bars are
/// below what the committed model reaches (models/README.md): they catch a broken pipeline, not a tuned score.
/// Rules add floors on top, so the scanner as a whole must do better than these.
/// </summary>
[Trait("Category", "Shared")]
public sealed class DevCorpusModelTests(ITestOutputHelper output)
{
    [SharedFact]
    public void Train_DevTrainSplit_ScoresWellOnTestSplit()
    {
        var dir = Path.Combine(Path.GetTempPath(), "classscan-dev-" + Guid.NewGuid().ToString("N"));
        try
        {
            var clock = Stopwatch.StartNew();
            var trained = KlassaModelTrainer.Train(new TrainingOptions
            {
                Corpus = DevCorpus.Options("train"),
                ModelPath = Path.Combine(dir, "klassa.zip"),
                // Fixed settings and no cross-validation: the committed model chose these; here speed matters.
                Hyperparameters = ModelHyperparameters.Default,
                CrossValidationFolds = 0,
            });
            var trainSeconds = clock.Elapsed.TotalSeconds;
            using var model = KlassaTextModel.Load(trained.ModelPath);
            var result = KlassaModelEvaluator.Evaluate(model, DevCorpus.Options("test"));
            var handwritten = result.Where(d => d.DocType == "handwritten");

            output.WriteLine($"trained on {trained.Metadata.DocumentsPerLabel.Values.Sum()} documents in {trainSeconds:0.0} s; " +
                             $"model {trained.Metadata.ModelBytes / 1024} KB; detectors {string.Join(", ", trained.Metadata.Detectors)}");
            output.WriteLine("test split, model only:");
            output.WriteLine(result.ToTable());
            output.WriteLine("test split, doctype == handwritten:");
            output.WriteLine(handwritten.ToTable());
            foreach (var d in result.Documents.Where(d => !d.IsCorrect))
                output.WriteLine($"wrong: {d.File} label {d.Expected} model {(int)d.Predicted} ({d.DocType})");

            Assert.Empty(trained.Skipped);
            Assert.Equal(84, result.Total);
            Assert.True(result.ExactMatch >= 0.85, $"exact match {result.ExactMatch:0.000}");
            Assert.True(result.MustLeave.Recall >= 0.90, $"must-leave recall {result.MustLeave.Recall:0.000}");
            Assert.True(result.MustLeave.Precision >= 0.90, $"must-leave precision {result.MustLeave.Precision:0.000}");
            Assert.True(trained.Metadata.ModelBytes < 2 * 1024 * 1024, $"model {trained.Metadata.ModelBytes} bytes");
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }
}
