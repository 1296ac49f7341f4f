namespace ClassScan.Classification.Training;

/// <summary>The multiclass linear trainers the model can use; both give calibrated per-level probabilities.</summary>
public enum KlassaTrainerKind
{
    /// <summary>Stochastic dual coordinate ascent, maximum entropy loss.</summary>
    SdcaMaximumEntropy,
    /// <summary>L-BFGS maximum entropy (multinomial logistic regression) with L1/L2 regularisation.</summary>
    LbfgsMaximumEntropy,
}
