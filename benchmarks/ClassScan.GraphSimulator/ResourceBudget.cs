namespace ClassScan.GraphSimulator;

/// <summary>
/// SharePoint's per-app-per-tenant resource-unit budget as a token bucket refilled continuously over a minute
/// (a sliding window). A request costs its units whether or not it is let through: throttled calls count, as
/// Microsoft documents, so a client that ignores Retry-After stays throttled. The bucket may go one second's
/// worth below zero, no further. Thread-safe (one lock; a request takes it once).
/// </summary>
internal sealed class ResourceBudget(int perMinute, TimeProvider time)
{
    private readonly Lock gate = new();
    private double tokens = perMinute;
    private long lastTicks = time.GetTimestamp();

    public int PerMinute => perMinute;

    /// <summary>Charges <paramref name="cost"/>; null when allowed, else the seconds to wait (Retry-After).</summary>
    public (int? RetryAfter, double Remaining) Take(int cost)
    {
        if (perMinute <= 0) return (null, double.PositiveInfinity);
        lock (gate)
        {
            var now = time.GetTimestamp();
            tokens = Math.Min(perMinute, tokens + time.GetElapsedTime(lastTicks, now).TotalMinutes * perMinute);
            lastTicks = now;
            if (tokens >= cost)
            {
                tokens -= cost;
                return (null, tokens);
            }
            tokens = Math.Max(-perMinute / 60.0, tokens - cost);
            var wait = (cost - tokens) * 60.0 / perMinute;
            return ((int)Math.Max(1, Math.Ceiling(wait)), tokens);
        }
    }
}
