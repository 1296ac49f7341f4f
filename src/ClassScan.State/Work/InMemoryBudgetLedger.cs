namespace ClassScan.State.Work;

/// <summary>
/// The token bucket of a single node (SQLite state: its lock file keeps a second scan out, so no one shares).
/// The same arithmetic as the PostgreSQL row: refilled from the time elapsed up to the burst, capped per UTC day.
/// Starts full. Thread-safe.
/// </summary>
public sealed class InMemoryBudgetLedger(BudgetLimits limits, TimeProvider? time = null) : IBudgetLedger
{
    private readonly TimeProvider clock = time ?? TimeProvider.System;
    private readonly Lock gate = new();
    private BudgetLimits current = limits;
    private double tokens = limits.Burst;
    private DateTimeOffset refilledAt = (time ?? TimeProvider.System).GetUtcNow();
    private DateOnly day = DateOnly.FromDateTime((time ?? TimeProvider.System).GetUtcNow().UtcDateTime);
    private long usedToday;
    private DateTimeOffset? pausedUntil;

    public Task ConfigureAsync(BudgetLimits limits, CancellationToken ct)
    {
        lock (gate)
        {
            current = limits;
            tokens = Math.Min(tokens, limits.Burst);
        }
        return Task.CompletedTask;
    }

    public Task<BudgetGrant> TakeShareAsync(int wanted, CancellationToken ct)
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            var elapsed = Math.Max(0, (now - refilledAt).TotalSeconds);
            tokens = Math.Min(current.Burst, tokens + elapsed * current.UnitsPerSecond);
            refilledAt = now;
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            if (today != day)
            {
                day = today;
                usedToday = 0;
            }
            if (pausedUntil is { } until && until > now) return Task.FromResult(new BudgetGrant(0, until - now, until));
            var granted = (int)Math.Max(0, Math.Min(Math.Min(wanted, Math.Floor(tokens)), current.UnitsPerDay - usedToday));
            tokens -= granted;
            usedToday += granted;
            return Task.FromResult(new BudgetGrant(granted, RetryAfter(now, wanted - granted), null));
        }
    }

    public Task PauseAsync(DateTimeOffset until, CancellationToken ct)
    {
        lock (gate)
        {
            if (pausedUntil is not { } p || p < until) pausedUntil = until;
        }
        return Task.CompletedTask;
    }

    private TimeSpan RetryAfter(DateTimeOffset now, int missing)
    {
        if (missing <= 0) return TimeSpan.Zero;
        if (usedToday >= current.UnitsPerDay) return now.UtcDateTime.Date.AddDays(1) - now.UtcDateTime;
        return TimeSpan.FromSeconds(Math.Max(1, missing - tokens) / current.UnitsPerSecond);
    }
}
