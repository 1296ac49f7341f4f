namespace ClassScan.Classification.Features;

/// <summary>What the pipeline returns per row: the probability per class, in the model's class order.</summary>
internal sealed class KlassaModelOutput
{
    public float[] Score { get; set; } = [];
}
