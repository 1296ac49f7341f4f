namespace ClassScan.Core.Scanning;

/// <summary>Totals of a scan run, written beside the reports and printed at the end.</summary>
public sealed record ScanSummary
{
    public required DateTimeOffset StartedAt { get; init; }
    public required DateTimeOffset FinishedAt { get; init; }

    /// <summary>False when the scan was cancelled or stopped by a fatal error: not every file was judged.</summary>
    public required bool Complete { get; init; }

    /// <summary>Why the scan is incomplete (cancelled, fatal error); null when complete.</summary>
    public string? IncompleteReason { get; init; }

    public int Files { get; init; }
    public long Bytes { get; init; }
    public long ExtractedChars { get; init; }
    public int MustLeave { get; init; }
    public IReadOnlyDictionary<string, int> ByStatus { get; init; } = new Dictionary<string, int>();
    public IReadOnlyDictionary<int, int> ByLevel { get; init; } = new Dictionary<int, int>();
    public TimeSpan Duration => FinishedAt - StartedAt;
}
