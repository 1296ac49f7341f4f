namespace ClassScan.State;

/// <summary>
/// The run as a source sees it: which scopes it covers, the tracked listing of a file being read (where the
/// source notes its SHA-256 or that it is gone), and when a scope has been handed out completely.
/// Thread-safe: called from the enumerate and fetch stages while the report stage records verdicts. Throws an
/// <see cref="Core.Scanning.OutputWriteException"/> when the state cannot be written.
/// </summary>
public interface IScanTracker
{
    /// <summary>Registers a scope this run covers (and records it in the state).</summary>
    void BeginScope(ScopeRecord scope);

    /// <summary>The tracked listing of an item handed out and not yet judged, or null.</summary>
    TrackedItem? Find(string sourceItemId);

    /// <summary>
    /// The source has handed out every file of the scope. <paramref name="onAllJudged"/> runs once the last of
    /// them is recorded (at once if none is pending), on the thread that records it; it never runs if the run stops first.
    /// </summary>
    void EndScope(string scope, Action? onAllJudged);
}
