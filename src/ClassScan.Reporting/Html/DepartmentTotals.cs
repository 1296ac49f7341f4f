namespace ClassScan.Reporting.Html;

/// <summary>Counts for one förvaltning in the HTML report.</summary>
internal sealed class DepartmentTotals(string name)
{
    public string Name { get; } = name;
    public int Files { get; set; }
    public int MustLeave { get; set; }

    /// <summary>Files that could not be judged (status ≠ ok).</summary>
    public int NotJudged { get; set; }

    /// <summary>Flagged now, not in the previous run's flagged.csv (0 when there is no previous run).</summary>
    public int NewlyFlagged { get; set; }

    /// <summary>Flagged in the previous run, not now.</summary>
    public int NoLongerFlagged { get; set; }
}
