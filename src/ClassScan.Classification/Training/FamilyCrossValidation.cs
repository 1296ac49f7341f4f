using System.Diagnostics;
using ClassScan.Classification.Data;
using ClassScan.Classification.Evaluation;
using ClassScan.Classification.Features;
using ClassScan.Core.Classification;

namespace ClassScan.Classification.Training;

/// <summary>
/// Leave-one-family-out cross-validation of the whole verdict (rules + model): every family (a template, a
/// municipality's writers, a source repository; <see cref="LabelsCsv.Family"/>) is held out in turn, a model is
/// trained on all other families of all sets pooled, and the held-out documents are judged by the scan's policy
/// with that model. This is the honest estimate for a municipality's own files, which share no template with the
/// training data. Text extraction and detection run once; the folds reuse them.
/// </summary>
public static class FamilyCrossValidation
{
    /// <summary>Reads the sets (give <see cref="CorpusOptions.Split"/> = "train") and cross-validates.</summary>
    public static FamilyCrossValidationResult Run(CorpusOptions corpus, FamilyCrossValidationOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var prepared = LabelledCorpus.Prepare(corpus, ct);
        var read = clock.Elapsed;
        options.Log?.Report($"family CV: read {prepared.Documents.Count} documents ({prepared.Skipped.Count} skipped) in {read.TotalSeconds:0.0} s");
        var setNames = corpus.Sets.Select(s => s.Name).Distinct(StringComparer.Ordinal).ToArray();
        var inputs = prepared.Documents.Select(d => KlassaTextModel.ToInput(d.Text, d.Findings)).ToArray();
        var result = Run(prepared, inputs, setNames, options, ct);
        return result with { ReadSeconds = Math.Round(read.TotalSeconds, 1), TotalSeconds = Math.Round(clock.Elapsed.TotalSeconds, 1) };
    }

    internal static FamilyCrossValidationResult Run(
        PreparedCorpus prepared, KlassaModelInput[] inputs, IReadOnlyList<string> setNames, FamilyCrossValidationOptions options, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var docs = prepared.Documents;
        var fold = AssignFolds([.. docs.Select(d => d.Label.Family)], options.MaxFolds);
        var folds = fold.Length == 0 ? 0 : fold.Max() + 1;
        var examples = docs.Select(d => new TrainingExample(d.Text, d.Findings, d.Label.Level)).ToArray();
        var judged = new EvaluatedDocument?[docs.Count];
        var skipped = new List<SkippedDocument>(prepared.Skipped);
        for (var f = 0; f < folds; f++)
        {
            ct.ThrowIfCancellationRequested();
            var trainIdx = Enumerable.Range(0, docs.Count).Where(i => fold[i] != f).ToArray();
            var heldOut = Enumerable.Range(0, docs.Count).Where(i => fold[i] == f).ToArray();
            if (trainIdx.SelectMany(i => examples[i].Label.Levels).Distinct().Count() < 2)
            {
                foreach (var i in heldOut)
                    skipped.Add(new(docs[i].Label.File, "korsvalidering: övriga familjer har färre än två nivåer", docs[i].Set, "cv-untrained"));
                continue;
            }
            using var model = KlassaModelTrainer.Fit([.. trainIdx.Select(i => examples[i])], options.Hyperparameters, options.Seed, [.. trainIdx.Select(i => inputs[i])]);
            var policy = options.PolicyFor(model);
            foreach (var i in heldOut)
            {
                var d = docs[i];
                var verdict = policy.Classify(d.Findings, d.Text);
                // As the scan: a truncated text is only reported when the part read already means level 2-3.
                if (d.Text.Truncated && !verdict.MustLeave)
                    skipped.Add(new(d.Label.File, "gräns MaxExtractedChars: den lästa delen räcker inte för en bedömning", d.Set, "error"));
                else
                    judged[i] = KlassaModelEvaluator.Judged(d, verdict);
            }
            var names = heldOut.Select(i => docs[i].Label.Family).Distinct(StringComparer.Ordinal).ToArray();
            options.Log?.Report($"family CV: fold {f + 1}/{folds} held out {heldOut.Length} documents of {names.Length} famil{(names.Length == 1 ? "y" : "ies")} " +
                                $"({string.Join(", ", names.Take(3))}{(names.Length > 3 ? ", ..." : "")}) at {clock.Elapsed.TotalSeconds:0} s");
        }

        var all = judged.Where(j => j is not null).Select(j => j!).ToArray();
        var perSet = setNames.Select(n => new SetEvaluation(n, new EvaluationResult(
            [.. all.Where(d => d.Set == n)], [.. skipped.Where(s => s.Set == n)]))).ToArray();
        return new FamilyCrossValidationResult
        {
            Folds = folds,
            Families = docs.Select(d => d.Label.Family).Distinct(StringComparer.Ordinal).Count(),
            Hyperparameters = options.Hyperparameters.ToString(),
            Sets = perSet,
            Pooled = new EvaluationResult(all, skipped),
            FoldSeconds = Math.Round(clock.Elapsed.TotalSeconds, 1),
        };
    }

    /// <summary>
    /// One fold per family; when there are more families than <paramref name="maxFolds"/> (&gt; 0), families are
    /// packed into that many folds, largest first into the currently smallest fold, so no family is ever split and
    /// the number of model fits stays bounded. Deterministic (sizes, then names).
    /// </summary>
    internal static int[] AssignFolds(IReadOnlyList<string> families, int maxFolds)
    {
        ArgumentNullException.ThrowIfNull(families);
        var groups = Enumerable.Range(0, families.Count).GroupBy(i => families[i], StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToArray();
        var folds = maxFolds <= 0 ? groups.Length : Math.Min(maxFolds, groups.Length);
        var sizes = new int[folds];
        var fold = new int[families.Count];
        foreach (var g in groups)
        {
            var target = Array.IndexOf(sizes, sizes.Min());
            foreach (var i in g) fold[i] = target;
            sizes[target] += g.Count();
        }
        return fold;
    }
}
