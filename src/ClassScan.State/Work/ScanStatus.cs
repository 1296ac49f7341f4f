namespace ClassScan.State.Work;

/// <summary>
/// Progress of the scan as the shared state knows it, for <c>classscan status</c>. Units are drives; items are
/// files. <see cref="StagedLeft"/> are files listed from a delta feed and still waiting for a verdict (the
/// backlog the ETA is computed from). <see cref="JudgedRecently"/> counts verdicts in the last <see cref="Window"/>.
/// Holds no file names.
/// </summary>
public sealed record ScanStatus
{
    public required DateTimeOffset Now { get; init; }
    public required string Engine { get; init; }
    public IReadOnlyList<NodeStatus> Nodes { get; init; } = [];
    public int UnitsTotal { get; init; }
    public int UnitsDone { get; init; }
    public int UnitsHeld { get; init; }
    public long ItemsJudged { get; init; }
    public long StagedLeft { get; init; }
    public long JudgedRecently { get; init; }
    public TimeSpan Window { get; init; }

    /// <summary>The last run in the history: its start, its end (null while it runs or when it was killed) and whether it was complete.</summary>
    public (long Id, DateTimeOffset Started, DateTimeOffset? Finished, bool? Complete)? LastRun { get; init; }

    public double PerSecond => Window > TimeSpan.Zero ? JudgedRecently / Window.TotalSeconds : 0;

    /// <summary>When the staged backlog is judged at the recent rate; null when nothing moves or nothing is left.</summary>
    public TimeSpan? Eta => StagedLeft > 0 && PerSecond > 0 ? TimeSpan.FromSeconds(StagedLeft / PerSecond) : null;
}
