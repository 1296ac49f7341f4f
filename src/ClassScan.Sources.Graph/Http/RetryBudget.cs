namespace ClassScan.Sources.Graph.Http;

/// <summary>Retries left for one file, shared by all its requests and resumed transfers. Thread-safe.</summary>
internal sealed class RetryBudget(int retries)
{
    private readonly int total = retries;
    private int left = retries;

    public int Used => total - Math.Max(0, Volatile.Read(ref left));

    public bool TryTake() => Interlocked.Decrement(ref left) >= 0;
}
