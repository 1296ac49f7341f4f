using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using ClassScan.Classification.Data;
using ClassScan.Classification.Evaluation;
using ClassScan.Classification.Features;
using ClassScan.Core.Classification;
using Microsoft.ML;

namespace ClassScan.Classification.Training;

/// <summary>
/// Trains the KLASSA text model from a labelled folder and writes the model zip and its metadata JSON.
/// A "0|1" label is trained as two half-weight rows, one per level: the maximum-entropy loss then aims at
/// probability ½/½ for such text, which is what "either is right" means, instead of forcing a side (label noise)
/// or dropping the document (losing the vocabulary of the 0/1 borderline, exactly where the model decides).
/// </summary>
public static class KlassaModelTrainer
{
    /// <summary>
    /// Settings tried when none are fixed: the default (SDCA), and L-BFGS with light and strong L1/L2 and without
    /// char n-grams. Few on purpose: with a few hundred documents a wide search fits the noise of the
    /// cross-validation itself.
    /// </summary>
    public static IReadOnlyList<ModelHyperparameters> DefaultCandidates { get; } =
    [
        ModelHyperparameters.Default,
        Lbfgs with { L1Regularization = 0.003f, L2Regularization = 0.01f },
        Lbfgs with { L1Regularization = 0.03f, L2Regularization = 0.03f },
        Lbfgs with { L1Regularization = 0.003f, L2Regularization = 0.01f, CharNgramLength = 0 },
    ];

    private static ModelHyperparameters Lbfgs => ModelHyperparameters.Default with { Trainer = KlassaTrainerKind.LbfgsMaximumEntropy, MaxIterations = 100 };

    /// <summary>Reads the corpus, picks or uses the settings, trains on every selected row and saves model + metadata.</summary>
    /// <exception cref="InvalidOperationException">Fewer than two levels among the readable training rows.</exception>
    public static TrainingResult Train(TrainingOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var prepared = LabelledCorpus.Prepare(options.Corpus, ct);
        var (docs, skipped) = (prepared.Documents, prepared.Skipped);
        options.Log?.Report($"read {docs.Count} documents ({skipped.Count} skipped) in {clock.Elapsed.TotalSeconds:0.0} s");
        var examples = docs.Select(d => new TrainingExample(d.Text, d.Findings, d.Label.Level)).ToArray();
        var inputs = examples.Select(e => KlassaTextModel.ToInput(e.Text, e.Findings)).ToArray();
        var ids = docs.Select(d => d.Set + "/" + d.Label.File).ToArray();
        var families = docs.Select(d => d.Label.Family).ToArray();
        var levels = examples.SelectMany(e => e.Label.Levels).Distinct().Count();
        if (levels < 2) throw new InvalidOperationException("Training needs documents of at least two levels.");

        var candidates = options.Hyperparameters is { } fixedSettings ? [fixedSettings] : options.Candidates ?? DefaultCandidates;
        var scores = new List<CandidateScore>();
        EvaluationResult? bestCv = null;
        var best = candidates[0];
        var bestScore = double.NegativeInfinity;
        if (options.CrossValidationFolds >= 2 || candidates.Count > 1)
        {
            var folds = Math.Max(2, options.CrossValidationFolds);
            foreach (var h in candidates)
            {
                ct.ThrowIfCancellationRequested();
                var cv = CrossValidate(examples, inputs, ids, families, h, folds, options.Seed);
                var score = SelectionScore(cv);
                scores.Add(new CandidateScore(h.ToString(), cv.ExactMatch, cv.MustLeave.Precision, cv.MustLeave.Recall,
                    cv.PerLevel[(int)KlassaLevel.StriktKonfidentiell].Recall, score));
                options.Log?.Report($"cv {h}: exact {cv.ExactMatch:0.000} must-leave P {cv.MustLeave.Precision:0.000} R {cv.MustLeave.Recall:0.000} ({clock.Elapsed.TotalSeconds:0} s)");
                // A later candidate must beat the best so far by more than the noise of a few hundred documents
                // (about three documents' worth), else the earlier one (the default is listed first) stays.
                if (score > bestScore + SelectionMargin)
                {
                    bestScore = score;
                    best = h;
                    bestCv = cv;
                }
            }
        }

        using var model = Fit(examples, best, options.Seed, inputs);
        var modelPath = Path.GetFullPath(options.ModelPath);
        Directory.CreateDirectory(Path.GetDirectoryName(modelPath)!);
        model.Save(modelPath);
        var bytes = new FileInfo(modelPath).Length;

        FamilyCrossValidationResult? familyCv = null;
        if (options.FamilyCrossValidation is { } familyOptions)
        {
            familyCv = FamilyCrossValidation.Run(prepared, inputs, [.. options.Corpus.Sets.Select(s => s.Name).Distinct(StringComparer.Ordinal)],
                familyOptions with { Hyperparameters = best, Seed = options.Seed, Log = familyOptions.Log ?? options.Log }, ct);
            options.Log?.Report($"family CV: {familyCv.Folds} folds over {familyCv.Families} families in {familyCv.FoldSeconds:0} s");
        }

        var metadata = new ModelMetadata
        {
            FeatureVersion = DetectorFeatures.Version,
            DetectorFeatures = DetectorFeatures.Names,
            CreatedUtc = options.Time.GetUtcNow(),
            MlNetVersion = MlNetVersion(),
            Hyperparameters = best.ToString(),
            Seed = options.Seed,
            Sets = [.. options.Corpus.Sets.Select(set => new SetMetadata
            {
                Name = set.Name,
                Corpus = set.Directory,
                Labels = set.LabelsPath,
                LabelsSha256 = Sha256(set.LabelsPath),
                DocumentsPerLabel = PerLabel(docs.Where(d => d.Set == set.Name)),
                SkippedDocuments = skipped.Count(s => s.Set == set.Name),
            })],
            Split = options.Corpus.Split,
            DocumentsPerLabel = PerLabel(docs),
            SkippedDocuments = skipped.Count,
            Detectors = options.Corpus.DetectorIds,
            CrossValidationFolds = bestCv is null ? 0 : Math.Max(2, options.CrossValidationFolds),
            Candidates = scores,
            FamilyCrossValidation = familyCv is null ? null : FamilyCrossValidationMetadata.From(familyCv, options.FamilyCrossValidation!.PolicyName, withMisses: false),
            TrainingSeconds = Math.Round(clock.Elapsed.TotalSeconds, 1),
            ModelBytes = bytes,
            ModelSha256 = Sha256(modelPath),
        };
        var metadataPath = Path.ChangeExtension(modelPath, ".json");
        File.WriteAllText(metadataPath, JsonSerializer.Serialize(metadata, JsonOptions));
        options.Log?.Report($"saved {modelPath} ({bytes / 1024} KB) with {best} in {clock.Elapsed.TotalSeconds:0} s");
        return new TrainingResult(modelPath, metadataPath, metadata, bestCv, skipped) { FamilyCrossValidation = familyCv };
    }

    /// <summary>Trains a model in memory from labelled examples (no files). Deterministic for a given seed.</summary>
    internal static KlassaTextModel Fit(IReadOnlyList<TrainingExample> examples, ModelHyperparameters hyperparameters, int seed = 20251123)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(hyperparameters);
        return Fit(examples, hyperparameters, seed, examples.Select(e => KlassaTextModel.ToInput(e.Text, e.Findings)).ToArray());
    }

    internal static KlassaTextModel Fit(IReadOnlyList<TrainingExample> examples, ModelHyperparameters h, int seed, KlassaModelInput[] inputs)
    {
        var ml = new MLContext(seed);
        var rows = new List<KlassaModelInput>();
        for (var i = 0; i < examples.Count; i++)
        {
            var accepted = examples[i].Label.Levels;
            foreach (var level in accepted)
            {
                rows.Add(new KlassaModelInput
                {
                    Text = inputs[i].Text,
                    Detectors = inputs[i].Detectors,
                    Label = ((int)level).ToString(CultureInfo.InvariantCulture),
                    Weight = 1f / accepted.Count,
                });
            }
        }
        var data = ml.Data.LoadFromEnumerable(rows);
        var transformer = KlassaPipeline.Build(ml, h).Fit(data);
        return new KlassaTextModel(ml, transformer, data.Schema);
    }

    private static Dictionary<string, int> PerLabel(IEnumerable<PreparedDocument> docs) =>
        docs.GroupBy(d => d.Label.Level.ToString(), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    // Folds are drawn per group: the document's family when the labels name one (every document of a template in the
    // same fold), else the document. A model is then scored on templates it never saw, which is what a municipality's
    // own files are; scoring within templates would favour settings that memorise them. Both halves of a "0|1"
    // row stay together because they are one document.
    internal static EvaluationResult CrossValidate(
        TrainingExample[] examples, KlassaModelInput[] inputs, string[] ids, string?[] families, ModelHyperparameters h, int folds, int seed)
    {
        var fold = AssignFolds(ids, families, folds, seed);
        var predicted = new EvaluatedDocument[examples.Length];
        for (var f = 0; f < folds; f++)
        {
            var trainIdx = Enumerable.Range(0, examples.Length).Where(i => fold[i] != f).ToArray();
            if (trainIdx.SelectMany(i => examples[i].Label.Levels).Distinct().Count() < 2) continue;
            using var model = Fit([.. trainIdx.Select(i => examples[i])], h, seed, [.. trainIdx.Select(i => inputs[i])]);
            for (var i = 0; i < examples.Length; i++)
            {
                if (fold[i] != f) continue;
                predicted[i] = new EvaluatedDocument(ids[i], examples[i].Label, model.Predict(inputs[i]).Level, Family: families[i]);
            }
        }
        return new EvaluationResult([.. predicted.Where(p => p is not null)]);
    }

    internal static int[] AssignFolds(string[] ids, string?[] docTypes, int folds, int seed)
    {
        var groups = Group(i => string.IsNullOrEmpty(docTypes[i]) ? "file:" + ids[i] : "type:" + docTypes[i]);
        // Too few types to fill the folds (a labels file without doctype, or one type): fall back to documents.
        if (groups.Length < 2 * folds) groups = Group(i => ids[i]);
        new Random(seed).Shuffle(groups);
        // Largest groups first, each to the currently smallest fold: folds of even size whatever the group sizes.
        var sizes = new int[folds];
        var fold = new int[ids.Length];
        foreach (var g in groups.OrderByDescending(g => g.Count()))
        {
            var target = Array.IndexOf(sizes, sizes.Min());
            foreach (var i in g) fold[i] = target;
            sizes[target] += g.Count();
        }
        return fold;

        IGrouping<string, int>[] Group(Func<int, string> key) =>
            [.. Enumerable.Range(0, ids.Length).GroupBy(key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)];
    }

    // Exact match and must-leave recall weigh equally: the model decides 0 vs 1 (exact match) and may raise a
    // document the rules miss (recall); must-leave precision breaks near-ties because a false flag costs work.
    private static double SelectionScore(EvaluationResult cv) =>
        Nz(cv.ExactMatch) + Nz(cv.MustLeave.Recall) + 0.25 * Nz(cv.MustLeave.Precision);

    private const double SelectionMargin = 0.02;

    private static double Nz(double v) => double.IsNaN(v) ? 0 : v;

    private static string MlNetVersion()
    {
        var v = typeof(MLContext).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                ?? typeof(MLContext).Assembly.GetName().Version?.ToString() ?? "unknown";
        var plus = v.IndexOf('+', StringComparison.Ordinal);
        return plus > 0 ? v[..plus] : v;
    }

    private static string Sha256(string path)
    {
        using var s = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(s));
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // An undefined score (no level-3 rows in a fold) is NaN; write it rather than fail after training.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}
