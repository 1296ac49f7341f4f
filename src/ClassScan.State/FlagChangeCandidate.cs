namespace ClassScan.State;

/// <summary>One row an engine reads for <see cref="FlagChangeComputation"/>: an item flagged now or at the baseline,
/// with paths already shown under the scope's label.</summary>
internal sealed record FlagChangeCandidate(
    string Scope, string Path, string? ReportedPath, bool Flagged, bool WasFlagged, bool Deleted, string? GoneReason,
    int? Level, int? ReportedLevel, string? Reason, string? Status, bool JudgedThisRun, string? ContentKey,
    string? WebUrl, string? LastModifiedBy, DateTimeOffset? LastModified, string? ReportId);
