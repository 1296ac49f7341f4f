namespace ClassScan.State;

/// <summary>An item as the state remembers it: where it is, the content last judged, and the verdict.</summary>
public sealed record ItemRecord : StateItem
{
    /// <summary>Report name of the last status ("ok", "error", ...); null if never judged.</summary>
    public string? Status { get; init; }
    public int? Level { get; init; }

    /// <summary>The last result was a failure worth trying again (download failed, timed out).</summary>
    public bool Retry { get; init; }

    /// <summary>Must leave M365 according to the last successful verdict.</summary>
    public bool Flagged { get; init; }
    public bool Deleted { get; init; }

    /// <summary>Verdicts recorded for the item so far (each judging adds one; an unchanged mark does not): proves that
    /// an item is judged exactly once per change, whichever node judged it.</summary>
    public int JudgedCount { get; init; }
}
