using ClassScan.Core.Privacy;
using ClassScan.Core.Scanning;

namespace ClassScan.State;

/// <summary>
/// One state engine (SQLite for one node, PostgreSQL for many): every port in one object, as the composition root
/// opens it. Stages and sources take only the ports they need; only the CLI knows the engine.
/// Thread-safe. The opener owns it and disposes it after the run (which releases the file lock or connections).
/// </summary>
public interface IScanStateStore
    : IItemStates, IVerdictStore, IDeltaCursors, IFeedStaging, IFolderTree, IRunHistory, IScopeRegistry, IChangeBaseline, IReportedItems, IDisposable
{
    /// <summary>Names files in the reports; its key lives in the state, so ids stay the same from night to night and node to node.</summary>
    ReportIdentity ReportIds { get; }

    /// <summary>
    /// <paramref name="ex"/>, thrown by this store, as the reason that ends a run incomplete ("tillståndet kunde inte
    /// sparas: ... är full (...)"), or null when it is not a failed write of the state (a bug, a closed store), which
    /// then stays as it is. Never throws.
    /// </summary>
    OutputWriteException? AsWriteFailure(Exception ex);
}
