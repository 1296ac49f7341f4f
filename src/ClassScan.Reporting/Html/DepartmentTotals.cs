namespace ClassScan.Reporting.Html;

/// <summary>Counts for one förvaltning in the HTML report.</summary>
internal sealed class DepartmentTotals(string name)
{
    public string Name { get; } = name;
    public int Files { get; set; }
    public int MustLeave { get; set; }

    /// <summary>Files that could not be judged (status ≠ ok).</summary>
    public int NotJudged { get; set; }

    /// <summary>Flagged now, not at the last complete run (0 when the scan keeps no state).</summary>
    public int NewlyFlagged { get; set; }

    /// <summary>Flagged at the last complete run, not now (cleaned or deleted; a moved file is counted as moved).</summary>
    public int NoLongerFlagged { get; set; }

    /// <summary>Flagged then and now, under another path (renamed or moved here).</summary>
    public int Moved { get; set; }
}
