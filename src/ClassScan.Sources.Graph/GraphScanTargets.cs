namespace ClassScan.Sources.Graph;

/// <summary>What to scan: drives by id, sites by id or URL (their document libraries), all sites, all OneDrives.</summary>
public sealed record GraphScanTargets
{
    public IReadOnlyList<string> Drives { get; init; } = [];
    public IReadOnlyList<string> Sites { get; init; } = [];
    public bool AllSites { get; init; }
    public bool AllOneDrives { get; init; }

    public bool IsEmpty => Drives.Count == 0 && Sites.Count == 0 && !AllSites && !AllOneDrives;
}
