using ClassScan.Classification.Data;

namespace ClassScan.Classification.Training;

/// <summary>What <see cref="KlassaModelTrainer.Train"/> reads and writes.</summary>
public sealed record TrainingOptions
{
    /// <summary>The labelled sets (pooled); set <see cref="CorpusOptions.Split"/> to "train" to keep a test split out.</summary>
    public required CorpusOptions Corpus { get; init; }

    /// <summary>Where the model zip goes; the metadata JSON is written beside it (same name, .json).</summary>
    public required string ModelPath { get; init; }

    /// <summary>Fixed settings; null chooses among <see cref="Candidates"/> by cross-validation on the training rows.</summary>
    public ModelHyperparameters? Hyperparameters { get; init; }

    /// <summary>Settings tried when <see cref="Hyperparameters"/> is null; null uses <see cref="KlassaModelTrainer.DefaultCandidates"/>.</summary>
    public IReadOnlyList<ModelHyperparameters>? Candidates { get; init; }

    /// <summary>Folds for cross-validation (selection and the reported estimate); 0 skips it when settings are fixed.</summary>
    public int CrossValidationFolds { get; init; } = 5;

    /// <summary>
    /// Runs the leave-one-family-out cross-validation of rules + model with the chosen settings after the fit and
    /// records it in the metadata; null skips it. Its hyperparameters and seed are the trainer's.
    /// </summary>
    public FamilyCrossValidationOptions? FamilyCrossValidation { get; init; }

    /// <summary>Seed for ML.NET and the fold split: the same data and seed give the same model.</summary>
    public int Seed { get; init; } = 20251123;

    /// <summary>Clock for the metadata's creation date.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Progress lines (no document content), e.g. for the CLI.</summary>
    public IProgress<string>? Log { get; init; }
}
