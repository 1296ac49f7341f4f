namespace ClassScan.Core.Findings;

/// <summary>How sure a detector is. Validation (checksum, real date) decides whether a hit exists at all;
/// context only moves a valid hit from Medium to High.</summary>
public enum Confidence
{
    Low,
    Medium,
    High,
}
