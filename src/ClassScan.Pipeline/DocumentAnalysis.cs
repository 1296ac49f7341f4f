using ClassScan.Core.Classification;
using ClassScan.Core.Scanning;

namespace ClassScan.Pipeline;

/// <summary>What the CPU stages learned about one document. No content, only verdict and masked evidence.</summary>
public sealed record DocumentAnalysis
{
    public required ScanStatus Status { get; init; }
    public string? StatusDetail { get; init; }
    public ClassificationResult? Classification { get; init; }
    public IReadOnlyList<EvidenceItem> Evidence { get; init; } = [];
    public int PersonnummerCount { get; init; }
    public int HealthCount { get; init; }
    public string? OslMarking { get; init; }
    public string? Extractor { get; init; }
    public long ExtractedChars { get; init; }
}
