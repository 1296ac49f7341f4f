namespace ClassScan.Core.Classification;

/// <summary>The verdict on one document: its level, the rule that decided it (plain Swedish) and the rule id.</summary>
public sealed record ClassificationResult(KlassaLevel Level, string Reason, string RuleId)
{
    /// <summary>Level 2 and 3 may not be kept in M365 under the municipal cloud decision.</summary>
    public bool MustLeave => Level >= KlassaLevel.Konfidentiell;
}
