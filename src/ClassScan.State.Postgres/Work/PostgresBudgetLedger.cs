using ClassScan.State.Work;
using Npgsql;

namespace ClassScan.State.Postgres.Work;

/// <summary>
/// The tenant's Graph token bucket shared by every node: one row of graph_budget (migration 0002_work.sql),
/// refilled from the time elapsed and taken from in one statement, so concurrent nodes serialise on the row
/// lock and never grant the same unit twice. A pause (429 Retry-After from any node) is kept in the row and
/// returned with every share, so all nodes hold off until it ends. Times are the database's clock.
/// Thread-safe; does not own the data source.
/// </summary>
public sealed class PostgresBudgetLedger(NpgsqlDataSource db, TimeProvider? clock = null) : IBudgetLedger
{
    private readonly TimeProvider time = clock ?? TimeProvider.System;

    // The CTE locks the row (FOR UPDATE) before reading it: without the lock two nodes could compute the same
    // balance from one snapshot and both spend it. The clock is read after the lock (clock_timestamp, not the
    // statement's start), and refilled_at only moves forward, so no stretch of time is refilled twice.
    internal const string TakeSql = """
        WITH b AS (
          SELECT tokens, burst, units_per_second, units_per_day, refilled_at, day, used_today, paused_until, clock_timestamp() AS at
          FROM graph_budget WHERE id = 1
          FOR UPDATE),
        a AS (
          SELECT at,
                 least(burst, tokens + greatest(0, extract(epoch FROM at - refilled_at)) * units_per_second) AS avail,
                 CASE WHEN day = (at AT TIME ZONE 'UTC')::date THEN used_today ELSE 0 END AS used,
                 units_per_day,
                 coalesce(paused_until > at, false) AS paused
          FROM b),
        g AS (
          SELECT at, avail, used,
                 CASE WHEN paused THEN 0
                      ELSE greatest(0, least(@wanted::double precision, floor(avail), (units_per_day - used)::double precision))::integer
                 END AS granted
          FROM a)
        UPDATE graph_budget t
        SET tokens = g.avail - g.granted, refilled_at = greatest(t.refilled_at, g.at),
            day = (g.at AT TIME ZONE 'UTC')::date, used_today = g.used + g.granted
        FROM g WHERE t.id = 1
        RETURNING g.granted, t.tokens, t.units_per_second, t.units_per_day - t.used_today,
                  CASE WHEN t.paused_until > g.at THEN extract(epoch FROM t.paused_until - g.at)::double precision END,
                  extract(epoch FROM (date_trunc('day', g.at AT TIME ZONE 'UTC') + interval '1 day') - (g.at AT TIME ZONE 'UTC'))
        """;

    public async Task ConfigureAsync(BudgetLimits limits, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            INSERT INTO graph_budget(id, units_per_second, burst, units_per_day, tokens)
            VALUES (1, @rate, @burst, @day, @burst)
            ON CONFLICT (id) DO UPDATE SET units_per_second = excluded.units_per_second, burst = excluded.burst,
              units_per_day = excluded.units_per_day, tokens = least(graph_budget.tokens, excluded.burst)
            """);
        cmd.Parameters.AddWithValue("rate", limits.UnitsPerSecond);
        cmd.Parameters.AddWithValue("burst", limits.Burst);
        cmd.Parameters.AddWithValue("day", limits.UnitsPerDay);
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    public async Task<BudgetGrant> TakeShareAsync(int wanted, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(TakeSql);
        cmd.Parameters.AddWithValue("wanted", wanted);
        await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        if (!await r.ReadAsync(ct).ConfigureAwait(false))
            throw new InvalidOperationException("graph_budget saknar sin rad: ConfigureAsync körs först");
        var granted = r.GetInt32(0);
        var tokens = r.GetDouble(1);
        var rate = r.GetDouble(2);
        var leftToday = r.GetInt64(3);
        // The pause comes back as time left by the database's clock, turned into this node's clock here.
        TimeSpan? pause = r.IsDBNull(4) ? null : TimeSpan.FromSeconds(r.GetDouble(4));
        DateTimeOffset? paused = pause is { } left ? time.GetUtcNow() + left : null;
        var toMidnight = TimeSpan.FromSeconds((double)r.GetDecimal(5));
        TimeSpan retry;
        if (pause is { } p) retry = p;
        else if (granted >= wanted) retry = TimeSpan.Zero;
        else if (leftToday <= 0) retry = toMidnight;
        else retry = TimeSpan.FromSeconds(Math.Max(1 - tokens, (wanted - granted) - tokens) / Math.Max(rate, 1e-6));
        return new BudgetGrant(granted, retry < TimeSpan.Zero ? TimeSpan.Zero : retry, paused);
    }

    public async Task PauseAsync(DateTimeOffset until, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("UPDATE graph_budget SET paused_until = greatest(coalesce(paused_until, @until), @until) WHERE id = 1");
        cmd.Parameters.AddWithValue("until", until.ToUniversalTime());
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }
}
