namespace ClassScan.Core.Classification;

/// <summary>The verdict on one document: its level, the rule that decided it (plain Swedish) and the rule id.</summary>
public sealed record ClassificationResult(KlassaLevel Level, string Reason, string RuleId)
{
    /// <summary>Level 2 and 3 may not be kept in M365 under the municipal cloud decision.</summary>
    public bool MustLeave => Level >= KlassaLevel.Konfidentiell;

    /// <summary>
    /// A suspicion that is not evidence ("granska"): the classifier thinks the text resembles level 2-3 material but
    /// no detector found anything a reviewer could be pointed to. Such a file is not flagged (classification-policy.md,
    /// Hard cases: "Evidence a reviewer can see"); it is listed in review.csv for a person to look at. Null when none.
    /// </summary>
    public string? Review { get; init; }
}
