namespace ClassScan.Core.Scanning;

/// <summary>
/// One row of changes.csv: a file whose must-leave flag is set now or was set in the last completed report.
/// Metadata only, never content.
/// </summary>
/// <param name="Kind">Newly, no longer or still flagged.</param>
/// <param name="Why">Short keyword: new, changed, moved-in (newly); deleted, moved, cleaned (no longer);
/// unchanged, rescanned, renamed (still).</param>
/// <param name="Path">The path shown to people (current path; the last known path for deleted files).</param>
/// <param name="Level">Current level (the last level judged for deleted files).</param>
/// <param name="PreviousLevel">Level in the last completed report, if the file was in it.</param>
/// <param name="Reason">The classification reason behind the level.</param>
/// <param name="Detail">Plain words on the change, e.g. where a file was moved.</param>
/// <param name="Scope">The drive id or local root the file belongs to.</param>
public sealed record FlagChange(
    FlagChangeKind Kind,
    string Why,
    string Path,
    int? Level,
    int? PreviousLevel,
    string? Reason,
    string? Detail,
    string Scope)
{
    /// <summary>The file's id in the reports (<see cref="Privacy.ReportIdentity"/>).</summary>
    public string? ReportId { get; init; }

    public string? WebUrl { get; init; }
    public string? LastModifiedBy { get; init; }
    public DateTimeOffset? LastModified { get; init; }

    /// <summary>Path in the last completed report when it differs (renamed or moved).</summary>
    public string? PreviousPath { get; init; }
}
