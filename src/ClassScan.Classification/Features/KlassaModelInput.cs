using Microsoft.ML.Data;

namespace ClassScan.Classification.Features;

/// <summary>One row the ML.NET pipeline reads. Column names and the vector size are part of the model file.</summary>
internal sealed class KlassaModelInput
{
    public string Text { get; set; } = "";

    [VectorType(DetectorFeatures.Count)]
    public float[] Detectors { get; set; } = new float[DetectorFeatures.Count];

    /// <summary>"0".."3" in training; empty when predicting.</summary>
    public string Label { get; set; } = "";

    /// <summary>Example weight: 0.5 for each half of a "0|1" label.</summary>
    public float Weight { get; set; } = 1;
}
