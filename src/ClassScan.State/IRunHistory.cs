namespace ClassScan.State;

/// <summary>
/// The history of scans: one row per run with what it listed, skipped, judged and cost in requests.
/// Thread-safe; each call is its own transaction. Throws what the engine throws on a failed read or write.
/// </summary>
public interface IRunHistory
{
    /// <summary>Starts a run and returns its id (unique in the state, increasing).</summary>
    long BeginRun(string source, string? description);

    /// <summary>Closes run <paramref name="runId"/> with its totals (<see cref="RunRecord.Id"/>, start and source of
    /// <paramref name="totals"/> are ignored: the row keeps its own).</summary>
    void FinishRun(long runId, RunRecord totals);

    /// <summary>Up to <paramref name="max"/> runs, newest first.</summary>
    IReadOnlyList<RunRecord> GetRuns(int max);
}
