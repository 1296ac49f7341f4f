namespace ClassScan.Classification.Training;

/// <summary>What a model file is and how it was made; written as JSON beside the zip.</summary>
public sealed record ModelMetadata
{
    public string Model { get; init; } = "klassa-text";

    /// <summary>Version of the detector feature vector the model expects.</summary>
    public int FeatureVersion { get; init; }

    public required IReadOnlyList<string> DetectorFeatures { get; init; }

    public DateTimeOffset CreatedUtc { get; init; }

    public required string MlNetVersion { get; init; }

    public required string Hyperparameters { get; init; }

    public int Seed { get; init; }

    /// <summary>Every labelled set trained on (pooled), with its labels file's SHA-256 and counts.</summary>
    public required IReadOnlyList<SetMetadata> Sets { get; init; }

    public string? Split { get; init; }

    /// <summary>Documents trained on per label ("0", "1", "0|1", ...), all sets together.</summary>
    public required IReadOnlyDictionary<string, int> DocumentsPerLabel { get; init; }

    public int SkippedDocuments { get; init; }

    /// <summary>Ids of the detectors whose findings fed the model; use the model with the same set.</summary>
    public required IReadOnlyList<string> Detectors { get; init; }

    public int CrossValidationFolds { get; init; }

    /// <summary>Cross-validated scores per candidate; the chosen one is <see cref="Hyperparameters"/>.</summary>
    public required IReadOnlyList<CandidateScore> Candidates { get; init; }

    /// <summary>
    /// Leave-one-family-out estimate of the whole verdict (rules + model) per set: what to expect on files whose
    /// template or writers the model never saw. Null when not run.
    /// </summary>
    public FamilyCrossValidationMetadata? FamilyCrossValidation { get; init; }

    public double TrainingSeconds { get; init; }

    public long ModelBytes { get; init; }

    public required string ModelSha256 { get; init; }
}
