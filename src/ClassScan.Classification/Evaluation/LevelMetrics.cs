using ClassScan.Core.Classification;

namespace ClassScan.Classification.Evaluation;

/// <summary>Precision and recall of one level. NaN where undefined (nothing predicted, or no such documents).</summary>
/// <param name="Support">Documents whose (resolved) label is this level.</param>
/// <param name="Predicted">Documents given this level.</param>
/// <param name="TruePositives">Documents given this level whose label is this level.</param>
public sealed record LevelMetrics(KlassaLevel Level, int Support, int Predicted, int TruePositives)
{
    public double Precision => Predicted == 0 ? double.NaN : (double)TruePositives / Predicted;

    public double Recall => Support == 0 ? double.NaN : (double)TruePositives / Support;
}
