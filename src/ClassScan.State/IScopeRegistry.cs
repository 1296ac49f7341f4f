namespace ClassScan.State;

/// <summary>
/// The scopes (Graph drives, local roots) the state knows, with the label that prefixes their paths in reports.
/// Thread-safe; each call is its own transaction. Throws what the engine throws on a failed read or write.
/// </summary>
public interface IScopeRegistry
{
    /// <summary>Records a scope covered by run <paramref name="runId"/>; a null label or web URL keeps the stored one.</summary>
    void UpsertScope(ScopeRecord scope, long runId);

    /// <summary>Every scope the state knows, ordered by scope id (ordinal).</summary>
    IReadOnlyList<ScopeRecord> GetScopes();
}
