using ClassScan.Core.Scanning;

namespace ClassScan.State;

/// <summary>
/// The state's verdicts as the reports need them: the results a run did not judge itself (unchanged since an earlier
/// run, or judged by another node) and the file behind a report id.
/// Thread-safe. Returns new objects the caller owns. Throws what the engine throws on a failed read.
/// </summary>
public interface IReportedItems
{
    /// <summary>
    /// The last verdicts of live items in <paramref name="scopes"/> not judged by run <paramref name="runId"/> (0: every
    /// judged item), as results for the reports, ordered by scope then path. Paths are shown under the scope's label;
    /// evidence is not kept in the state, so these carry none and their extractor says "tidigare bedömd".
    /// Streamed: read page by page (keyset on scope, path, item id; one short read each) as the caller enumerates, so
    /// neither a node's final report nor a tenant-wide report holds every item of a large state in memory. Enumerate once.
    /// </summary>
    IEnumerable<ScanResult> GetCarriedResults(ScopeSet scopes, long runId);

    /// <summary>The item a report id names (case-insensitive), with its full path and web URL; null when the state does not know it.</summary>
    ReportedItem? FindReported(string reportId);
}
