using System.Globalization;
using System.Text;
using ClassScan.Core.Classification;

namespace ClassScan.Classification.Evaluation;

/// <summary>
/// Scores of a classifier on labelled documents: level exact match (a "0|1" label accepts either), per-level
/// precision/recall, must-leave precision/recall, the confusion matrix, false flags on public documents and how
/// often the model decided. Immutable.
/// </summary>
/// <remarks>
/// In the per-level figures and the confusion matrix an ambiguous label counts as the accepted level nearest to the
/// prediction (see <see cref="Data.LevelLabel.Resolve"/>), so a "0|1" file judged 0 or 1 is never an error anywhere.
/// </remarks>
public sealed class EvaluationResult
{
    private readonly int[,] confusion = new int[4, 4];

    public EvaluationResult(IReadOnlyList<EvaluatedDocument> documents, IReadOnlyList<SkippedDocument>? skipped = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        Documents = documents;
        Skipped = skipped ?? [];
        int correct = 0, tp = 0, fp = 0, fn = 0, publicDocs = 0, publicFlags = 0, modelOnly = 0, modelCombined = 0;
        foreach (var d in documents)
        {
            if (d.IsPublic) publicDocs++;
            if (d.IsPublicFalseFlag) publicFlags++;
            if (d.IsModelOnly) modelOnly++;
            if (d.IsModelCombined) modelCombined++;
            var truth = d.Expected.Resolve(d.Predicted);
            confusion[(int)truth, (int)d.Predicted]++;
            if (d.IsCorrect) correct++;
            var flagged = d.Predicted >= KlassaLevel.Konfidentiell;
            var mustLeave = truth >= KlassaLevel.Konfidentiell;
            if (flagged && mustLeave) tp++;
            else if (flagged) fp++;
            else if (mustLeave) fn++;
        }
        Correct = correct;
        PublicDocuments = publicDocs;
        PublicFalseFlags = publicFlags;
        ModelOnlySuspicions = modelOnly;
        ModelCombined = modelCombined;
        MustLeave = new MustLeaveMetrics(tp, fp, fn);
        var perLevel = new LevelMetrics[4];
        for (var l = 0; l < 4; l++)
        {
            int support = 0, predicted = 0;
            for (var k = 0; k < 4; k++)
            {
                support += confusion[l, k];
                predicted += confusion[k, l];
            }
            perLevel[l] = new LevelMetrics((KlassaLevel)l, support, predicted, confusion[l, l]);
        }
        PerLevel = perLevel;
    }

    public IReadOnlyList<EvaluatedDocument> Documents { get; }

    public IReadOnlyList<SkippedDocument> Skipped { get; }

    public int Total => Documents.Count;

    /// <summary>Documents whose level the label accepts.</summary>
    public int Correct { get; }

    /// <summary>Share of documents whose level the label accepts; NaN when there are none.</summary>
    public double ExactMatch => Total == 0 ? double.NaN : (double)Correct / Total;

    /// <summary>Indexed by level 0-3.</summary>
    public IReadOnlyList<LevelMetrics> PerLevel { get; }

    public MustLeaveMetrics MustLeave { get; }

    /// <summary>Documents whose label allows level 0 ("0" or "0|1").</summary>
    public int PublicDocuments { get; }

    /// <summary>Public documents (label 0 or 0|1) judged 2-3: each one a department's wasted hour.</summary>
    public int PublicFalseFlags { get; }

    /// <summary>Share of public documents judged 2-3; NaN when there are none.</summary>
    public double PublicFalseFlagRate => PublicDocuments == 0 ? double.NaN : (double)PublicFalseFlags / PublicDocuments;

    /// <summary>Verdicts where the model alone raised a suspicion (<see cref="EvaluatedDocument.IsModelOnly"/>).</summary>
    public int ModelOnlySuspicions { get; }

    /// <summary>Verdicts where a rule and the model combined (<see cref="EvaluatedDocument.IsModelCombined"/>).</summary>
    public int ModelCombined { get; }

    /// <summary>Documents whose level the label does not accept, by set and file.</summary>
    public IEnumerable<EvaluatedDocument> Misses =>
        Documents.Where(d => !d.IsCorrect).OrderBy(d => d.Set, StringComparer.Ordinal).ThenBy(d => d.File, StringComparer.Ordinal);

    /// <summary>Documents labelled <paramref name="expected"/> (resolved) and given <paramref name="predicted"/>.</summary>
    public int Count(KlassaLevel expected, KlassaLevel predicted) => confusion[(int)expected, (int)predicted];

    /// <summary>The same scores over a subset, e.g. <c>d =&gt; d.DocType == "handwritten"</c>.</summary>
    public EvaluationResult Where(Func<EvaluatedDocument, bool> predicate) => new([.. Documents.Where(predicate)]);

    /// <summary>How often each rule id decided, most frequent first (ties by id).</summary>
    public IReadOnlyList<KeyValuePair<string, int>> RuleIds() =>
    [
        .. Documents.GroupBy(d => d.RuleId ?? "-", StringComparer.Ordinal)
            .Select(g => KeyValuePair.Create(g.Key, g.Count()))
            .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal),
    ];

    /// <summary>A plain-text report for a console: summary lines, a per-level table and the confusion matrix.</summary>
    public string ToTable()
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(c, $"Documents: {Total} judged, {Skipped.Count} skipped");
        sb.AppendLine(c, $"Level exact match: {F(ExactMatch)} ({Correct}/{Total}; a 0|1 label accepts either)");
        sb.AppendLine(c, $"Must leave (level 2-3): precision {F(MustLeave.Precision)} recall {F(MustLeave.Recall)} " +
                         $"(TP {MustLeave.TruePositives}, FP {MustLeave.FalsePositives}, FN {MustLeave.FalseNegatives})");
        sb.AppendLine(c, $"False flags on public documents (label 0 or 0|1 judged 2-3): {PublicFalseFlags}/{PublicDocuments} ({Percent(PublicFalseFlagRate)})");
        sb.AppendLine(c, $"Model-only suspicions (rule ML-* or granska): {ModelOnlySuspicions}; rule + model verdicts (+ML-): {ModelCombined}");
        sb.AppendLine();
        sb.AppendLine(c, $"{"level",-24}{"support",8}{"predicted",11}{"precision",11}{"recall",9}");
        foreach (var m in PerLevel)
            sb.AppendLine(c, $"{Name(m.Level),-24}{m.Support,8}{m.Predicted,11}{F(m.Precision),11}{F(m.Recall),9}");
        sb.AppendLine();
        sb.AppendLine("Confusion matrix (rows: label, columns: predicted)");
        sb.AppendLine(c, $"{"label \\ predicted",-24}{"0",6}{"1",6}{"2",6}{"3",6}");
        for (var l = 0; l < 4; l++)
            sb.AppendLine(c, $"{Name((KlassaLevel)l),-24}{confusion[l, 0],6}{confusion[l, 1],6}{confusion[l, 2],6}{confusion[l, 3],6}");
        foreach (var s in Skipped)
            sb.AppendLine(c, $"skipped: {s.File}: {s.Status}: {s.Reason}");
        return sb.ToString();
    }

    public override string ToString() => ToTable();

    private static string Percent(double v) => double.IsNaN(v) ? "n/a" : (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    private static string F(double v) => double.IsNaN(v) ? "n/a" : v.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Name(KlassaLevel level) => level switch
    {
        KlassaLevel.Oppen => "0 öppen",
        KlassaLevel.Intern => "1 intern",
        KlassaLevel.Konfidentiell => "2 konfidentiell",
        KlassaLevel.StriktKonfidentiell => "3 strikt konfidentiell",
        _ => level.ToString(),
    };
}
