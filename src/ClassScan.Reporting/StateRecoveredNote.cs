namespace ClassScan.Reporting;

/// <summary>
/// The scan's state file was damaged and rebuilt this run: the reports carry it as summary.json "state_recovered"
/// and a red banner in rapport.html, so the one full rescan (and the moved-aside file) is not missed.
/// </summary>
/// <param name="MovedTo">Full path the damaged file was moved to.</param>
/// <param name="Reason">What SQLite reported.</param>
public sealed record StateRecoveredNote(string MovedTo, string Reason);
