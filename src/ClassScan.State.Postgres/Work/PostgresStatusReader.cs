using ClassScan.State.Work;
using Npgsql;

namespace ClassScan.State.Postgres.Work;

/// <summary>
/// <c>classscan status</c> against PostgreSQL: the nodes and their leases (scan_nodes, work_units), units done
/// and left, and from the state proper (items, feed, runs) the files judged, the verdicts of the last minutes and
/// the staged files still waiting. Reads only, takes no lock a scan could wait on. Does not own the data source.
/// </summary>
public sealed class PostgresStatusReader(NpgsqlDataSource db) : IScanStatusReader
{
    public async Task<ScanStatus> ReadAsync(TimeSpan window, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct).ConfigureAwait(false);
        var now = new DateTimeOffset(DateTime.SpecifyKind((DateTime)(await Scalar(conn, "SELECT now()", ct).ConfigureAwait(false))!, DateTimeKind.Utc));
        var hasWork = await Scalar(conn, "SELECT to_regclass('work_units') IS NOT NULL", ct).ConfigureAwait(false) is true;
        var hasItems = await Scalar(conn, "SELECT to_regclass('items') IS NOT NULL AND to_regclass('feed') IS NOT NULL", ct).ConfigureAwait(false) is true;

        var leases = new List<(string Holder, LeaseStatus Lease)>();
        var nodes = new List<NodeStatus>();
        int total = 0, done = 0, held = 0;
        if (hasWork)
        {
            await using (var cmd = new NpgsqlCommand("SELECT holder, unit_id, label, lease_expires FROM work_units WHERE NOT done AND holder IS NOT NULL AND lease_expires > now() ORDER BY lease_expires", conn))
            await using (var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false))
            {
                while (await r.ReadAsync(ct).ConfigureAwait(false))
                    leases.Add((r.GetString(0), new LeaseStatus(r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetFieldValue<DateTimeOffset>(3))));
            }
            await using (var cmd = new NpgsqlCommand("""
                SELECT node_id, host, pid, started_at, last_seen, stopped, lease_seconds, listed, judged, downloads, requests, throttled, resource_units
                FROM scan_nodes ORDER BY started_at, node_id
                """, conn))
            await using (var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false))
            {
                while (await r.ReadAsync(ct).ConfigureAwait(false))
                {
                    var id = r.GetString(0);
                    var lease = TimeSpan.FromSeconds(r.GetDouble(6));
                    nodes.Add(new NodeStatus(new NodeInfo(id, r.GetString(1), r.GetInt32(2), r.GetFieldValue<DateTimeOffset>(3), lease),
                        r.GetFieldValue<DateTimeOffset>(4), r.GetBoolean(5), lease,
                        new NodeCounters(r.GetInt64(7), r.GetInt64(8), r.GetInt64(9), r.GetInt64(10), r.GetInt64(11), r.GetInt64(12)),
                        leases.Where(l => l.Holder == id).Select(l => l.Lease).ToList()));
                }
            }
            await using (var cmd = new NpgsqlCommand("""
                SELECT count(*)::int, count(*) FILTER (WHERE done)::int,
                       count(*) FILTER (WHERE NOT done AND holder IS NOT NULL AND lease_expires > now())::int
                FROM work_units
                """, conn))
            await using (var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false))
            {
                await r.ReadAsync(ct).ConfigureAwait(false);
                (total, done, held) = (r.GetInt32(0), r.GetInt32(1), r.GetInt32(2));
            }
        }

        long judged = 0, recent = 0, staged = 0;
        (long, DateTimeOffset, DateTimeOffset?, bool?)? lastRun = null;
        if (hasItems)
        {
            await using (var cmd = new NpgsqlCommand("""
                SELECT count(*) FILTER (WHERE status IS NOT NULL AND NOT deleted),
                       count(*) FILTER (WHERE judged_at >= now() - make_interval(secs => @secs)),
                       (SELECT count(*) FROM feed WHERE kind IN ('File', 'Package'))
                FROM items
                """, conn))
            {
                cmd.Parameters.AddWithValue("secs", window.TotalSeconds);
                await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
                await r.ReadAsync(ct).ConfigureAwait(false);
                (judged, recent, staged) = (r.GetInt64(0), r.GetInt64(1), r.GetInt64(2));
            }
            await using (var cmd = new NpgsqlCommand("SELECT id, started_at, finished_at, complete FROM runs ORDER BY id DESC LIMIT 1", conn))
            await using (var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false))
            {
                if (await r.ReadAsync(ct).ConfigureAwait(false))
                    lastRun = (r.GetInt64(0), r.GetFieldValue<DateTimeOffset>(1), r.IsDBNull(2) ? null : r.GetFieldValue<DateTimeOffset>(2), r.IsDBNull(3) ? null : r.GetBoolean(3));
            }
        }

        return new ScanStatus
        {
            Now = now,
            Engine = "PostgreSQL",
            Nodes = nodes,
            UnitsTotal = total,
            UnitsDone = done,
            UnitsHeld = held,
            ItemsJudged = judged,
            JudgedRecently = recent,
            StagedLeft = staged,
            Window = window,
            LastRun = lastRun,
        };
    }

    private static async Task<object?> Scalar(NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        return await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false);
    }
}
