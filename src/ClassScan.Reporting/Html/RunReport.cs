using ClassScan.Core.Scanning;

namespace ClassScan.Reporting.Html;

/// <summary>Everything rapport.html shows, gathered during the run; rendered by <see cref="HtmlReportWriter"/>.</summary>
internal sealed record RunReport
{
    public required ScanSummary Summary { get; init; }

    /// <summary>Written from the state alone (<c>classscan report</c>), not by a scan.</summary>
    public bool FromState { get; init; }
    public IReadOnlyList<DepartmentTotals> Departments { get; init; } = [];

    /// <summary>Null when no previous run was found in the output folder.</summary>
    public RunComparison? Comparison { get; init; }

    /// <summary>Why there is no comparison, or a caveat about it (e.g. the previous run was incomplete).</summary>
    public string? ComparisonNote { get; init; }

    public IReadOnlyList<ReasonCount> TopReasons { get; init; } = [];

    /// <summary>Files that could not be judged, at most <see cref="HtmlReportSink.MaxListed"/> of them.</summary>
    public IReadOnlyList<ReportFile> BlindSpots { get; init; } = [];

    public IReadOnlyList<HealthMetric> Health { get; init; } = [];

    /// <summary>Other output files to point at, relative to rapport.html (review.csv, changes.csv, the log).</summary>
    public IReadOnlyList<string> RelatedFiles { get; init; } = [];

    /// <summary>The state file was damaged and rebuilt this run (null when it was healthy or there is no state).</summary>
    public StateRecoveredNote? StateRecovered { get; init; }

    public required DateTimeOffset GeneratedAt { get; init; }
    public string Version { get; init; } = "";
}
