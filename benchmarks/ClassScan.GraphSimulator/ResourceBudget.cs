namespace ClassScan.GraphSimulator;

/// <summary>
/// SharePoint's per-app-per-tenant resource-unit budget over a sliding minute: a request is let through when the
/// units of the last 60 seconds plus its own stay within the budget, else it gets 429 with Retry-After = the
/// seconds until enough of the window's units have aged out. Throttled calls count against the window too, as
/// Microsoft documents, so a client that ignores Retry-After stays throttled. Kept as 60 one-second buckets.
/// Thread-safe (one lock; a request takes it once).
/// </summary>
internal sealed class ResourceBudget(int perMinute, TimeProvider time)
{
    private const int Window = 60;
    private readonly Lock gate = new();
    private readonly long[] buckets = new long[Window];
    private readonly long[] bucketSecond = new long[Window];

    public int PerMinute => perMinute;

    /// <summary>Charges <paramref name="cost"/>; RetryAfter is null when allowed, else the seconds to wait.</summary>
    public (int? RetryAfter, long Remaining) Take(int cost)
    {
        if (perMinute <= 0) return (null, long.MaxValue);
        lock (gate)
        {
            var now = time.GetUtcNow().ToUnixTimeSeconds();
            var used = 0L;
            for (var i = 0; i < Window; i++)
                if (now - bucketSecond[i] < Window) used += buckets[i];
            var slot = (int)(now % Window);
            if (bucketSecond[slot] != now)
            {
                bucketSecond[slot] = now;
                buckets[slot] = 0;
            }
            buckets[slot] += cost;
            if (used + cost <= perMinute) return (null, perMinute - used - cost);

            // Wait until the oldest seconds of the window have released what this request needs.
            var excess = used + cost - perMinute;
            var wait = 1;
            for (var age = Window - 1; age >= 0 && excess > 0; age--)
            {
                var s = (int)((now - age) % Window + Window) % Window;
                if (bucketSecond[s] != now - age) continue;
                excess -= buckets[s];
                wait = Window - age;
            }
            return (Math.Max(1, wait), 0);
        }
    }
}
