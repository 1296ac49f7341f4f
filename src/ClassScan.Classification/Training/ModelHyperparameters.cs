using System.Globalization;

namespace ClassScan.Classification.Training;

/// <summary>
/// How the model featurises and trains. The defaults are the setting that won the leave-templates-out
/// cross-validation on the dev corpus train split (models/README.md) and that the committed model uses.
/// </summary>
public sealed record ModelHyperparameters
{
    public KlassaTrainerKind Trainer { get; init; } = KlassaTrainerKind.SdcaMaximumEntropy;

    /// <summary>L1 weight: sparse weights drop rare n-grams (smaller file); 0 for SDCA, which regularises by L2 and few passes.</summary>
    public float L1Regularization { get; init; }

    /// <summary>L2 weight.</summary>
    public float L2Regularization { get; init; } = 0.0001f;

    /// <summary>Word n-grams up to this length (1 = words only).</summary>
    public int WordNgramLength { get; init; } = 2;

    /// <summary>Character n-grams of exactly this length (0 = none). Catch inflections and compounds ("diagnosen").</summary>
    public int CharNgramLength { get; init; } = 3;

    /// <summary>Passes over the data (SDCA) or iterations (L-BFGS).</summary>
    public int MaxIterations { get; init; } = 50;

    public static ModelHyperparameters Default { get; } = new();

    // Invariant: the string goes into metadata JSON and must read the same on a Swedish machine ("0.003", not "0,003").
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Trainer} L1={L1Regularization} L2={L2Regularization} words=1-{WordNgramLength} chars={CharNgramLength} iterations={MaxIterations}");
}
