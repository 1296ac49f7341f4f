using ClassScan.Classification.Data;
using ClassScan.Core.Classification;
using ClassScan.Core.Documents;
using ClassScan.Core.Findings;

namespace ClassScan.Classification.Evaluation;

/// <summary>
/// Scores verdicts on labelled folders: what the scan's analyzer decides (<see cref="EvaluateScan"/>, per set),
/// or the ML model / any level function alone on the text and findings the analyzer produced.
/// </summary>
public static class KlassaModelEvaluator
{
    /// <summary>
    /// The scan's own verdicts (the analyzer's policy, rules + model when it has one), per set in the order given.
    /// Files the scan would not judge are each set's <see cref="EvaluationResult.Skipped"/>.
    /// </summary>
    public static IReadOnlyList<SetEvaluation> EvaluateScan(CorpusOptions corpus, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var prepared = LabelledCorpus.Prepare(corpus, ct);
        return Split(corpus, prepared, d => Judged(d, d.Analysis.Classification!));
    }

    /// <summary>Scores <paramref name="model"/> alone on the selected rows of every set, pooled.</summary>
    public static EvaluationResult Evaluate(ILevelModel model, CorpusOptions corpus, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Evaluate((text, findings) => model.Predict(text, findings).Level, corpus, ct);
    }

    /// <summary>
    /// Scores a level function on the analyzer's text and findings of the selected rows, pooled over the sets.
    /// <paramref name="classify"/> is called from several threads when <see cref="CorpusOptions.MaxDegreeOfParallelism"/> &gt; 1.
    /// </summary>
    public static EvaluationResult Evaluate(Func<ExtractedText, IReadOnlyList<Finding>, KlassaLevel> classify, CorpusOptions corpus, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(classify);
        var prepared = LabelledCorpus.Prepare(corpus, ct);
        var judged = new EvaluatedDocument[prepared.Documents.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, corpus.MaxDegreeOfParallelism), CancellationToken = ct };
        Parallel.For(0, judged.Length, parallel, i =>
        {
            var d = prepared.Documents[i];
            judged[i] = Judged(d, new ClassificationResult(classify(d.Text, d.Findings), "", ""));
        });
        return new EvaluationResult(judged, prepared.Skipped);
    }

    /// <summary>Scores already judged documents.</summary>
    public static EvaluationResult Evaluate(IEnumerable<EvaluatedDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        return new EvaluationResult([.. documents]);
    }

    internal static EvaluatedDocument Judged(PreparedDocument d, ClassificationResult verdict) =>
        new(d.Label.File, d.Label.Level, verdict.Level, d.Label.DocType, verdict.RuleId.Length == 0 ? null : verdict.RuleId, d.Set, d.Label.Family);

    private static SetEvaluation[] Split(CorpusOptions corpus, PreparedCorpus prepared, Func<PreparedDocument, EvaluatedDocument> judge) =>
    [
        .. corpus.Sets.Select(s => s.Name).Distinct(StringComparer.Ordinal).Select(name => new SetEvaluation(name, new EvaluationResult(
            [.. prepared.Documents.Where(d => d.Set == name).Select(judge)],
            [.. prepared.Skipped.Where(d => d.Set == name)]))),
    ];
}
