namespace ClassScan.Classification.Evaluation;

/// <summary>
/// Must-leave (level 2-3) as a yes/no decision: recall is the share of files that must leave M365 that were flagged
/// (a miss is a legal breach), precision the share of flagged files that really must leave (a false flag costs work).
/// NaN where undefined.
/// </summary>
public sealed record MustLeaveMetrics(int TruePositives, int FalsePositives, int FalseNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? double.NaN : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? double.NaN : (double)TruePositives / (TruePositives + FalseNegatives);
}
