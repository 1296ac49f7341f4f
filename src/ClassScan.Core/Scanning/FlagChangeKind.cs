namespace ClassScan.Core.Scanning;

/// <summary>How a file's must-leave flag moved since the last completed run (the rows of changes.csv).</summary>
public enum FlagChangeKind
{
    /// <summary>Flagged now, not in the last completed report.</summary>
    NewlyFlagged,
    /// <summary>Flagged in the last completed report, no longer: deleted, moved out of scope, or cleaned.</summary>
    NoLongerFlagged,
    /// <summary>Flagged then and now.</summary>
    StillFlagged,
}
