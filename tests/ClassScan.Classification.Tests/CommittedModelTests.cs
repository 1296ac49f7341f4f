using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using ClassScan.Classification.Evaluation;
using ClassScan.TestSupport;
using Xunit.Abstractions;

namespace ClassScan.Classification.Tests;

/// <summary>The model committed in models/: intact, loadable, small, and still good with today's detectors.</summary>
public sealed class CommittedModelTests(ITestOutputHelper output)
{
    private static readonly string ModelPath = Path.Combine(SharedData.RepoRoot, "models", "klassa.zip");
    private static readonly string MetadataPath = Path.Combine(SharedData.RepoRoot, "models", "klassa.json");

    [Fact]
    public void Load_CommittedModel_MatchesMetadataHashAndIsSmall()
    {
        var meta = JsonDocument.Parse(File.ReadAllText(MetadataPath)).RootElement;
        var bytes = File.ReadAllBytes(ModelPath);

        Assert.Equal(meta.GetProperty("modelSha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Equal(meta.GetProperty("modelBytes").GetInt64(), bytes.LongLength);
        Assert.Equal(ClassScan.Classification.Features.DetectorFeatures.Version, meta.GetProperty("featureVersion").GetInt32());
        // Trained on three sets with real public texts (statutes, guidelines) the n-gram vocabulary is larger than
        // on templates alone; 4 MB still loads in well under a second and fits in git comfortably.
        Assert.True(bytes.Length < 4 * 1024 * 1024, $"{bytes.Length} bytes: keep models/klassa.zip under 4 MB");
    }

    [Fact]
    public void Load_CommittedModel_LoadsQuicklyAndPredicts()
    {
        var clock = Stopwatch.StartNew();
        using var model = KlassaTextModel.Load(ModelPath);
        var load = clock.Elapsed;
        var prediction = model.Predict(TinyCorpus.Text("Kallelse till kommunfullmäktige. Sammanträdet är offentligt."), []);
        clock.Stop();

        var cold = clock.Elapsed;
        // The scan loads the model once per run, after the runtime has warmed up (configuration, state, workers):
        // that load is what the product promises in under a second. The first load in a test process also pays
        // for compiling ML.NET's code paths, so it is reported and held to a looser bar.
        // Best of three: the machine running the suite runs other test assemblies at the same time.
        var warm = TimeSpan.MaxValue;
        IReadOnlyList<float>? second = null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            clock.Restart();
            using var again = KlassaTextModel.Load(ModelPath);
            second = again.Predict(TinyCorpus.Text("Kallelse till kommunfullmäktige. Sammanträdet är offentligt."), []).Scores;
            if (clock.Elapsed < warm) warm = clock.Elapsed;
        }

        output.WriteLine($"load {load.TotalMilliseconds:0} ms, load + first prediction {cold.TotalMilliseconds:0} ms (cold process), again {warm.TotalMilliseconds:0} ms");
        Assert.Equal(1f, prediction.Scores.Sum(), 3);
        Assert.Equal(prediction.Scores, second);
        Assert.True(warm < TimeSpan.FromSeconds(1), $"load + prediction took {warm.TotalMilliseconds:0} ms; the product promises under 1 s");
        Assert.True(cold < TimeSpan.FromSeconds(5), $"first load + prediction took {cold.TotalMilliseconds:0} ms");
    }

    [SharedFact]
    [Trait("Category", "Shared")]
    public void Evaluate_CommittedModelOnDevTestSplit_StaysGood()
    {
        using var model = KlassaTextModel.Load(ModelPath);

        var result = KlassaModelEvaluator.Evaluate(model, DevCorpus.Options("test"));

        output.WriteLine(result.ToTable());
        // Detectors feed the model: if they change enough to push these down, retrain (models/README.md).
        Assert.Equal(84, result.Total);
        Assert.True(result.ExactMatch >= 0.85, $"exact match {result.ExactMatch:0.000}");
        Assert.True(result.MustLeave.Recall >= 0.90, $"must-leave recall {result.MustLeave.Recall:0.000}");
        Assert.True(result.MustLeave.Precision >= 0.90, $"must-leave precision {result.MustLeave.Precision:0.000}");
    }
}
