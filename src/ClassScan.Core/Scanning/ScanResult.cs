using ClassScan.Core.Classification;

namespace ClassScan.Core.Scanning;

/// <summary>
/// The verdict on one file: status, level, reason and evidence. Contains no document content:
/// only counts, locations and masked samples.
/// </summary>
public sealed record ScanResult
{
    public required SourceItem Item { get; init; }
    public required ScanStatus Status { get; init; }

    /// <summary>Why the status is not ok (short cause), or notes about parts not read; no content.</summary>
    public string? StatusDetail { get; init; }

    /// <summary>The verdict; null unless <see cref="Status"/> is ok.</summary>
    public ClassificationResult? Classification { get; init; }

    /// <summary>Evidence per finding kind, strongest kinds first.</summary>
    public IReadOnlyList<EvidenceItem> Evidence { get; init; } = [];

    /// <summary>Valid personnummer and samordningsnummer occurrences.</summary>
    public int PersonnummerCount { get; init; }

    /// <summary>Health and other sensitive-category terms about individuals.</summary>
    public int HealthCount { get; init; }

    /// <summary>Parsed OSL marking (e.g. "26 kap. 1 §"), empty if none.</summary>
    public string? OslMarking { get; init; }

    public long Bytes { get; init; }
    public string? Extractor { get; init; }
    public TimeSpan Elapsed { get; init; }

    public bool MustLeave => Status == ScanStatus.Ok && Classification is { MustLeave: true };
}
