namespace ClassScan.Sources.Graph.Http;

/// <summary>
/// The per-tenant brake shared by every request: a cap on requests in flight, and a pause that a 429 (or a
/// 503 with Retry-After) imposes on all requests, not just the one throttled. Graph throttles per app and
/// tenant, so the other requests would only collect their own 429s, which count against the quota too.
/// </summary>
internal sealed class GraphThrottle(int maxConcurrency, TimeProvider time)
{
    private readonly SemaphoreSlim slots = new(Math.Max(1, maxConcurrency), Math.Max(1, maxConcurrency));
    private long pauseUntilTicks;

    public void PauseFor(TimeSpan wait)
    {
        var until = time.GetUtcNow().UtcTicks + wait.Ticks;
        long seen;
        while ((seen = Interlocked.Read(ref pauseUntilTicks)) < until)
        {
            if (Interlocked.CompareExchange(ref pauseUntilTicks, until, seen) == seen) return;
        }
    }

    /// <summary>Waits out a tenant-wide pause, then takes a slot. Dispose the result to free the slot.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken ct)
    {
        while (true)
        {
            var wait = Interlocked.Read(ref pauseUntilTicks) - time.GetUtcNow().UtcTicks;
            if (wait <= 0) break;
            await Task.Delay(TimeSpan.FromTicks(wait), time, ct).ConfigureAwait(false);
        }
        await slots.WaitAsync(ct).ConfigureAwait(false);
        return new Slot(slots);
    }

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0) slots.Release();
        }
    }
}
