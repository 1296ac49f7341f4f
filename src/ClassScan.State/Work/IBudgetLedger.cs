namespace ClassScan.State.Work;

/// <summary>
/// Where the tenant-wide token bucket lives (memory for one node, a row in PostgreSQL for several). Nodes take
/// units in shares of several, so a request costs a database round trip only now and then. Thread-safe;
/// owned by the composition. Throws the engine's exception when the database cannot be reached.
/// </summary>
public interface IBudgetLedger
{
    /// <summary>Sets the limits (every node is configured alike; the last to start wins). Keeps the units already taken.</summary>
    Task ConfigureAsync(BudgetLimits limits, CancellationToken ct);

    /// <summary>Takes up to <paramref name="wanted"/> units at once, after refilling the bucket from the time elapsed.</summary>
    Task<BudgetGrant> TakeShareAsync(int wanted, CancellationToken ct);

    /// <summary>Pauses every node until <paramref name="until"/> (a later pause already set is kept).</summary>
    Task PauseAsync(DateTimeOffset until, CancellationToken ct);
}
