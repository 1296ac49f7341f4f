using ClassScan.Classification.Evaluation;

namespace ClassScan.Classification.Training;

/// <summary>Out-of-family verdicts (rules + fold model) per set and pooled, and what the run cost.</summary>
public sealed record FamilyCrossValidationResult
{
    public int Folds { get; init; }
    public int Families { get; init; }
    public required string Hyperparameters { get; init; }
    public required IReadOnlyList<SetEvaluation> Sets { get; init; }
    public required EvaluationResult Pooled { get; init; }

    /// <summary>Reading the files (extraction + detection, once).</summary>
    public double ReadSeconds { get; init; }

    /// <summary>Fitting and judging every fold.</summary>
    public double FoldSeconds { get; init; }

    public double TotalSeconds { get; init; }
}
