using ClassScan.Core.Classification;

namespace ClassScan.Classification.Evaluation;

/// <summary>
/// The numbers of one <see cref="EvaluationResult"/> as plain data for JSON (benchmarks, CI, model metadata).
/// Undefined ratios are null, not NaN, so that any JSON reader takes them. File names, labels and rule ids only:
/// never content.
/// </summary>
public sealed record SetScores
{
    public required string Set { get; init; }
    public int Judged { get; init; }
    public int Skipped { get; init; }
    public required IReadOnlyDictionary<string, int> SkippedByStatus { get; init; }
    public int Correct { get; init; }
    public double? ExactMatch { get; init; }
    public int MustLeaveTruePositives { get; init; }
    public int MustLeaveFalsePositives { get; init; }
    public int MustLeaveFalseNegatives { get; init; }
    public double? MustLeavePrecision { get; init; }
    public double? MustLeaveRecall { get; init; }
    public int PublicDocuments { get; init; }
    public int PublicFalseFlags { get; init; }
    public double? PublicFalseFlagRate { get; init; }
    public int ModelOnlySuspicions { get; init; }
    public int ModelCombined { get; init; }

    /// <summary>Per level 0-3.</summary>
    public required IReadOnlyList<LevelScores> Levels { get; init; }

    /// <summary>[label][predicted], levels 0-3 (ambiguous labels resolved as in <see cref="EvaluationResult"/>).</summary>
    public required IReadOnlyList<IReadOnlyList<int>> Confusion { get; init; }

    public required IReadOnlyDictionary<string, int> RuleIds { get; init; }

    /// <summary>Wrongly judged files; empty when left out (model metadata).</summary>
    public IReadOnlyList<MissedDocument> Misses { get; init; } = [];

    public static SetScores From(string set, EvaluationResult result, bool withMisses = true)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new SetScores
        {
            Set = set,
            Judged = result.Total,
            Skipped = result.Skipped.Count,
            SkippedByStatus = result.Skipped.GroupBy(s => s.Status, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            Correct = result.Correct,
            ExactMatch = N(result.ExactMatch),
            MustLeaveTruePositives = result.MustLeave.TruePositives,
            MustLeaveFalsePositives = result.MustLeave.FalsePositives,
            MustLeaveFalseNegatives = result.MustLeave.FalseNegatives,
            MustLeavePrecision = N(result.MustLeave.Precision),
            MustLeaveRecall = N(result.MustLeave.Recall),
            PublicDocuments = result.PublicDocuments,
            PublicFalseFlags = result.PublicFalseFlags,
            PublicFalseFlagRate = N(result.PublicFalseFlagRate),
            ModelOnlySuspicions = result.ModelOnlySuspicions,
            ModelCombined = result.ModelCombined,
            Levels = [.. result.PerLevel.Select(m => new LevelScores((int)m.Level, m.Support, m.Predicted, m.TruePositives, N(m.Precision), N(m.Recall)))],
            Confusion = [.. Enumerable.Range(0, 4).Select(l => (IReadOnlyList<int>)[.. Enumerable.Range(0, 4).Select(p => result.Count((KlassaLevel)l, (KlassaLevel)p))])],
            RuleIds = result.RuleIds().ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
            Misses = withMisses ? [.. result.Misses.Select(d => new MissedDocument(d.File, d.Expected.ToString(), (int)d.Predicted, d.RuleId))] : [],
        };
    }

    private static double? N(double v) => double.IsNaN(v) ? null : Math.Round(v, 4);
}
