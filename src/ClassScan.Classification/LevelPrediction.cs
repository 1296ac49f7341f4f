using ClassScan.Core.Classification;

namespace ClassScan.Classification;

/// <summary>The model's level for one document and its probability per level.</summary>
/// <param name="Level">The most probable level (ties go to the higher level: a missed level 2-3 costs more than a false flag).</param>
/// <param name="Scores">Probability per level, indexed by level 0-3; sums to 1. A level absent from the training data scores 0.</param>
public sealed record LevelPrediction(KlassaLevel Level, IReadOnlyList<float> Scores)
{
    /// <summary>Probability that the document is at <paramref name="level"/>.</summary>
    public float Probability(KlassaLevel level) => Scores[(int)level];

    /// <summary>Probability that the document is at level 2 or 3 and so must leave M365.</summary>
    public float MustLeaveProbability => Scores[(int)KlassaLevel.Konfidentiell] + Scores[(int)KlassaLevel.StriktKonfidentiell];

    /// <summary>Picks the most probable level from scores indexed by level.</summary>
    public static LevelPrediction FromScores(IReadOnlyList<float> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Count != 4) throw new ArgumentException("Expected one score per level 0-3.", nameof(scores));
        var best = 0;
        for (var i = 1; i < 4; i++)
            if (scores[i] >= scores[best]) best = i;
        return new((KlassaLevel)best, scores);
    }
}
