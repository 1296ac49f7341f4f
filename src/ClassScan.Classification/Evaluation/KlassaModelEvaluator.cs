using ClassScan.Classification.Data;
using ClassScan.Core.Classification;
using ClassScan.Core.Documents;
using ClassScan.Core.Findings;

namespace ClassScan.Classification.Evaluation;

/// <summary>
/// Scores a classifier on a labelled folder: the ML model alone, or any level function (e.g. rules + model),
/// so that <c>classscan evaluate</c> reports exactly what a scan would decide.
/// </summary>
public static class KlassaModelEvaluator
{
    /// <summary>Scores <paramref name="model"/> alone on the selected rows.</summary>
    public static EvaluationResult Evaluate(ILevelModel model, CorpusOptions corpus, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Evaluate((text, findings) => model.Predict(text, findings).Level, corpus, ct);
    }

    /// <summary>
    /// Scores a level function on the selected rows. <paramref name="classify"/> is called from several threads
    /// when <see cref="CorpusOptions.MaxDegreeOfParallelism"/> &gt; 1.
    /// </summary>
    public static EvaluationResult Evaluate(Func<ExtractedText, IReadOnlyList<Finding>, KlassaLevel> classify, CorpusOptions corpus, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(classify);
        var (docs, skipped) = LabelledCorpus.Prepare(corpus, ct);
        var judged = new EvaluatedDocument[docs.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, corpus.MaxDegreeOfParallelism), CancellationToken = ct };
        Parallel.For(0, docs.Count, parallel, i =>
        {
            var d = docs[i];
            judged[i] = new EvaluatedDocument(d.Label.File, d.Label.Level, classify(d.Text, d.Findings), d.Label.DocType);
        });
        return new EvaluationResult(judged, skipped);
    }

    /// <summary>Scores already judged documents.</summary>
    public static EvaluationResult Evaluate(IEnumerable<EvaluatedDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        return new EvaluationResult([.. documents]);
    }
}
