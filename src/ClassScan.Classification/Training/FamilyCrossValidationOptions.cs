using ClassScan.Core.Classification;

namespace ClassScan.Classification.Training;

/// <summary>How <see cref="FamilyCrossValidation"/> trains and judges each fold.</summary>
public sealed record FamilyCrossValidationOptions
{
    /// <summary>
    /// The scan's policy around a fold's model (the CLI passes its composition root), so a held-out document is
    /// judged exactly as a scan with that model would judge it.
    /// </summary>
    public required Func<ILevelModel, IClassificationPolicy> PolicyFor { get; init; }

    /// <summary>What <see cref="PolicyFor"/> is, for reports and metadata.</summary>
    public string PolicyName { get; init; } = "rules + model";

    public ModelHyperparameters Hyperparameters { get; init; } = ModelHyperparameters.Default;

    /// <summary>
    /// At most this many folds (model fits); more families are packed together, never split. 0 = one fold per
    /// family (dev alone has about 70 templates: a fit each takes long on a small machine).
    /// </summary>
    public int MaxFolds { get; init; } = DefaultMaxFolds;

    /// <summary>About two minutes of fits on a 2-core machine with the three shared sets.</summary>
    public const int DefaultMaxFolds = 12;

    public int Seed { get; init; } = 20251123;

    /// <summary>Progress lines (no document content).</summary>
    public IProgress<string>? Log { get; init; }
}
