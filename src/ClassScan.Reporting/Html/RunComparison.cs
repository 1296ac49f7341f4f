namespace ClassScan.Reporting.Html;

/// <summary>What changed since the previous run written to the same output folder.</summary>
internal sealed record RunComparison
{
    public DateTimeOffset? PreviousFinished { get; init; }
    public bool PreviousComplete { get; init; }
    public int PreviousFiles { get; init; }
    public int PreviousMustLeave { get; init; }
    public int PreviousNotJudged { get; init; }

    /// <summary>Flagged now, not before.</summary>
    public int NewlyFlagged { get; init; }

    /// <summary>Flagged before, seen now and no longer flagged (cleaned, or the rules changed).</summary>
    public int Cleaned { get; init; }

    /// <summary>Flagged before and not seen now (deleted or moved); null when this run is incomplete, since
    /// a file not reached is not a file gone.</summary>
    public int? Gone { get; init; }

    public IReadOnlyList<ReportFile> NewExamples { get; init; } = [];
    public IReadOnlyList<ReportFile> ResolvedExamples { get; init; } = [];

    /// <summary>Where the change figures come from, in words (the previous flagged.csv, or changes.csv).</summary>
    public string Basis { get; init; } = "";
}
