using ClassScan.Classification.Evaluation;

namespace ClassScan.Classification.Training;

/// <summary>The family cross-validation numbers kept in the model metadata (no file names).</summary>
public sealed record FamilyCrossValidationMetadata
{
    public int Folds { get; init; }

    public int Families { get; init; }

    public required string Policy { get; init; }

    /// <summary>Fitting and judging every fold (the files are read once before).</summary>
    public double Seconds { get; init; }

    /// <summary>Reading the files when the run read them itself (evaluate --cv family); 0 inside training.</summary>
    public double ReadSeconds { get; init; }

    public required SetScores Pooled { get; init; }

    public required IReadOnlyList<SetScores> Sets { get; init; }

    public static FamilyCrossValidationMetadata From(FamilyCrossValidationResult result, string policy, bool withMisses)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new()
        {
            Folds = result.Folds,
            Families = result.Families,
            Policy = policy,
            Seconds = result.FoldSeconds,
            ReadSeconds = result.ReadSeconds,
            Pooled = SetScores.From("all", result.Pooled, withMisses: false),
            Sets = [.. result.Sets.Select(s => SetScores.From(s.Set, s.Result, withMisses))],
        };
    }
}
