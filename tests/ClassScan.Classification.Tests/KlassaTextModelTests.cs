using ClassScan.Classification.Training;
using ClassScan.Core.Classification;
using ClassScan.Core.Documents;
using ClassScan.Core.Findings;

namespace ClassScan.Classification.Tests;

public sealed class KlassaTextModelTests
{
    private static readonly (ExtractedText Text, IReadOnlyList<Finding> Findings)[] Probes =
    [
        (TinyCorpus.Text("Protokollet från kommunfullmäktige publiceras på webbplatsen."), []),
        (TinyCorpus.Text("Minnesanteckningar från arbetsgruppen, uppdatera projektplanen."), []),
        (TinyCorpus.Text("Lönesättning och personnummer för medarbetaren."), [TinyCorpus.Pnr()]),
        (TinyCorpus.Text("Eleven har diagnosen autism och stöd från elevhälsan."), []),
        (TinyCorpus.Text(""), []),
    ];

    [Fact]
    public void Predict_TrainedOnTinyCorpus_FitsTrainingLevels()
    {
        using var model = KlassaModelTrainer.Fit(TinyCorpus.Examples(), TinyCorpus.Settings);

        var levels = Probes.Take(4).Select(p => model.Predict(p.Text, p.Findings).Level).ToArray();

        Assert.Equal([KlassaLevel.Oppen, KlassaLevel.Intern, KlassaLevel.Konfidentiell, KlassaLevel.StriktKonfidentiell], levels);
    }

    [Fact]
    public void Predict_AnyText_ScoresAreProbabilitiesPerLevel()
    {
        using var model = KlassaModelTrainer.Fit(TinyCorpus.Examples(), TinyCorpus.Settings);

        foreach (var (text, findings) in Probes)
        {
            var p = model.Predict(text, findings);
            Assert.Equal(4, p.Scores.Count);
            Assert.All(p.Scores, s => Assert.InRange(s, 0f, 1f));
            Assert.Equal(1f, p.Scores.Sum(), 3);
            Assert.Equal(p.Scores.Max(), p.Probability(p.Level));
        }
    }

    [Fact]
    public void SaveLoad_RoundTrip_GivesIdenticalScores()
    {
        using var model = KlassaModelTrainer.Fit(TinyCorpus.Examples(), TinyCorpus.Settings);
        using var buffer = new MemoryStream();
        model.Save(buffer);
        buffer.Position = 0;

        using var loaded = KlassaTextModel.Load(buffer);

        foreach (var (text, findings) in Probes)
            Assert.Equal(model.Predict(text, findings).Scores, loaded.Predict(text, findings).Scores);
    }

    [Fact]
    public void Fit_SameDataAndSeed_GivesIdenticalScores()
    {
        using var a = KlassaModelTrainer.Fit(TinyCorpus.Examples(), TinyCorpus.Settings, seed: 7);
        using var b = KlassaModelTrainer.Fit(TinyCorpus.Examples(), TinyCorpus.Settings, seed: 7);

        foreach (var (text, findings) in Probes)
            Assert.Equal(a.Predict(text, findings).Scores, b.Predict(text, findings).Scores);
    }

    [Fact]
    public void Fit_Sdca_IsDeterministicToo()
    {
        var settings = TinyCorpus.Settings with { Trainer = KlassaTrainerKind.SdcaMaximumEntropy, L1Regularization = 0, MaxIterations = 20 };
        using var a = KlassaModelTrainer.Fit(TinyCorpus.Examples(), settings, seed: 7);
        using var b = KlassaModelTrainer.Fit(TinyCorpus.Examples(), settings, seed: 7);

        foreach (var (text, findings) in Probes)
            Assert.Equal(a.Predict(text, findings).Scores, b.Predict(text, findings).Scores);
    }

    [Fact]
    public void Predict_ParallelCallers_MatchSequentialPredictions()
    {
        using var model = KlassaModelTrainer.Fit(TinyCorpus.Examples(), TinyCorpus.Settings);
        var sequential = Probes.Select(p => model.Predict(p.Text, p.Findings).Scores.ToArray()).ToArray();
        var parallel = new float[2000][];

        Parallel.For(0, parallel.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var (text, findings) = Probes[i % Probes.Length];
            parallel[i] = model.Predict(text, findings).Scores.ToArray();
        });

        for (var i = 0; i < parallel.Length; i++)
            Assert.Equal(sequential[i % Probes.Length], parallel[i]);
    }

    [Fact]
    public void Load_NotAModel_ThrowsInvalidDataException()
    {
        using var garbage = new MemoryStream("inte en modell"u8.ToArray());

        Assert.ThrowsAny<InvalidDataException>(() => KlassaTextModel.Load(garbage));
    }

    [Fact]
    public void Predict_AfterDispose_ThrowsObjectDisposed()
    {
        var model = KlassaModelTrainer.Fit(TinyCorpus.Examples(), TinyCorpus.Settings);
        model.Dispose();

        Assert.Throws<ObjectDisposedException>(() => model.Predict(Probes[0].Text, Probes[0].Findings));
    }

    [Fact]
    public void FromScores_Tie_PicksHigherLevel()
    {
        var p = LevelPrediction.FromScores([0.1f, 0.2f, 0.35f, 0.35f]);

        Assert.Equal(KlassaLevel.StriktKonfidentiell, p.Level);
        Assert.Equal(0.7f, p.MustLeaveProbability, 5);
    }
}
