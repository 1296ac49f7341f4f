namespace ClassScan.State;

/// <summary>One scan in the run history: what it listed, skipped as unchanged, scanned, and what it cost in requests.</summary>
public sealed record RunRecord
{
    public long Id { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public string Source { get; init; } = "";
    public string? Description { get; init; }
    public bool Complete { get; init; }
    public string? IncompleteReason { get; init; }

    /// <summary>Result rows written (files scanned or reported this run).</summary>
    public long Files { get; init; }
    public long MustLeave { get; init; }

    /// <summary>Files seen in listings and feeds.</summary>
    public long Listed { get; init; }

    /// <summary>Files whose content was already judged: not downloaded or read.</summary>
    public long Unchanged { get; init; }

    /// <summary>Files handed to the pipeline.</summary>
    public long Queued { get; init; }
    public long Deleted { get; init; }

    /// <summary>Folders, package children and other non-files passed over.</summary>
    public long Skipped { get; init; }
    public long Requests { get; init; }
    public long Throttled { get; init; }
    public long Retries { get; init; }
    public long Downloads { get; init; }
    public long Resyncs { get; init; }
    public long NewlyFlagged { get; init; }
    public long NoLongerFlagged { get; init; }
    public long StillFlagged { get; init; }
}
