namespace ClassScan.State.Work;

/// <summary>
/// A node's side of the tenant budget: spends units from a local allowance and refills it from the
/// <see cref="IBudgetLedger"/> in shares (about half a second of the tenant's rate), so most requests cost no
/// database round trip. Units a node holds when it dies are lost, at most one share. A pause learnt from the
/// ledger or from a 429 here holds every request of this node. Thread-safe.
/// </summary>
public sealed class SharedRequestBudget : IRequestBudget
{
    private readonly IBudgetLedger ledger;
    private readonly TimeProvider time;
    private readonly int share;
    private readonly SemaphoreSlim refill = new(1, 1);
    private readonly Lock gate = new();
    private long allowance;
    private long pausedUntilTicks;

    public SharedRequestBudget(IBudgetLedger ledger, BudgetLimits limits, TimeProvider? time = null)
    {
        this.ledger = ledger;
        this.time = time ?? TimeProvider.System;
        share = (int)Math.Clamp(Math.Ceiling(limits.UnitsPerSecond / 2), 1, 50);
    }

    public async ValueTask TakeAsync(int cost, CancellationToken ct)
    {
        if (cost <= 0) return;
        while (true)
        {
            await WaitOutPauseAsync(ct).ConfigureAwait(false);
            if (TrySpend(cost)) return;
            TimeSpan wait;
            await refill.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                if (TrySpend(cost)) return; // another request refilled meanwhile
                long have;
                lock (gate) have = allowance;
                var grant = await ledger.TakeShareAsync((int)Math.Max(share, cost - have), ct).ConfigureAwait(false);
                lock (gate) allowance += grant.Granted;
                if (grant.PausedUntil is { } until) Pause(until);
                if (TrySpend(cost)) return;
                wait = grant.RetryAfter;
            }
            finally
            {
                refill.Release();
            }
            await Task.Delay(Clamp(wait), time, ct).ConfigureAwait(false);
        }
    }

    public async ValueTask PauseUntilAsync(DateTimeOffset until, CancellationToken ct)
    {
        Pause(until);
        await ledger.PauseAsync(until, ct).ConfigureAwait(false);
    }

    private bool TrySpend(int cost)
    {
        lock (gate)
        {
            if (allowance < cost || Volatile.Read(ref pausedUntilTicks) > time.GetUtcNow().UtcTicks) return false;
            allowance -= cost;
            return true;
        }
    }

    private void Pause(DateTimeOffset until)
    {
        long seen;
        while ((seen = Interlocked.Read(ref pausedUntilTicks)) < until.UtcTicks)
        {
            if (Interlocked.CompareExchange(ref pausedUntilTicks, until.UtcTicks, seen) == seen) return;
        }
    }

    private async Task WaitOutPauseAsync(CancellationToken ct)
    {
        while (true)
        {
            var wait = Interlocked.Read(ref pausedUntilTicks) - time.GetUtcNow().UtcTicks;
            if (wait <= 0) return;
            await Task.Delay(TimeSpan.FromTicks(wait), time, ct).ConfigureAwait(false);
        }
    }

    // At least a few milliseconds (no busy loop on rounding), at most a few seconds (a reconfigured or resumed
    // bucket is noticed soon).
    private static TimeSpan Clamp(TimeSpan wait) =>
        wait < TimeSpan.FromMilliseconds(5) ? TimeSpan.FromMilliseconds(5) : wait > TimeSpan.FromSeconds(5) ? TimeSpan.FromSeconds(5) : wait;
}
