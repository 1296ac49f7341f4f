namespace ClassScan.Sources.Graph;

/// <summary>A drive to crawl and the label that prefixes its paths in reports ("Ekonomi/Dokument", "OneDrive Anna Berg").</summary>
internal sealed record DriveTarget(string DriveId, string Label, string? WebUrl = null);
