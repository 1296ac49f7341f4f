using ClassScan.Classification.Evaluation;

namespace ClassScan.Classification.Training;

/// <summary>The outcome of training: where the files are, what they hold, and the cross-validated estimate.</summary>
/// <param name="CrossValidation">Out-of-fold predictions of the chosen setting over the training rows; null when folds = 0.</param>
public sealed record TrainingResult(
    string ModelPath,
    string MetadataPath,
    ModelMetadata Metadata,
    EvaluationResult? CrossValidation,
    IReadOnlyList<SkippedDocument> Skipped)
{
    /// <summary>The leave-one-family-out estimate of rules + model; null when not asked for.</summary>
    public FamilyCrossValidationResult? FamilyCrossValidation { get; init; }
}
