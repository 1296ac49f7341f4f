using ClassScan.State.Work;
using Npgsql;
using NpgsqlTypes;

namespace ClassScan.State.Postgres.Work;

/// <summary>
/// The work queue and node registry of several scan nodes on one PostgreSQL (tables work_units and scan_nodes,
/// migration 0002_work.sql). A take is one statement: pending units nobody holds (or whose lease ran out), in
/// priority order, locked with FOR UPDATE SKIP LOCKED so nodes taking at once never wait on each other nor get
/// the same unit; each take bumps the unit's epoch. A completion locks the unit's row, checks holder, epoch and
/// expiry, runs the delta-link commit and marks the unit done in that transaction: a node whose lease ran out
/// cannot commit a delta link that another node now owns. Times are the database's clock (now()), so the nodes'
/// clocks need not agree. Thread-safe (a pooled data source; one connection per call). Does not own the data source.
/// </summary>
public sealed class PostgresWorkQueue(NpgsqlDataSource db) : IWorkQueue, INodeRegistry
{
    private const string Columns = "w.unit_id, w.kind, w.label, w.web_url, w.priority, w.ord, w.epoch, w.lease_expires";

    private string[] mine = [];

    public async Task RegisterAsync(IReadOnlyList<WorkUnit> units, CancellationToken ct)
    {
        var ids = units.Select(u => u.Id).ToArray();
        await using var conn = await db.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var tx = await conn.BeginTransactionAsync(ct).ConfigureAwait(false);
        // Nodes starting together register together: one at a time, so exactly one of them starts a new round.
        await Exec(conn, tx, "SELECT pg_advisory_xact_lock(hashtext('classscan.work_units'))", ct).ConfigureAwait(false);
        // A new round when every known unit of these is done (last night's round): checked before new units are added.
        await using (var reset = new NpgsqlCommand("""
            UPDATE work_units SET done = false, done_at = NULL, done_by = NULL
            WHERE unit_id = ANY(@ids) AND done
              AND NOT EXISTS (SELECT 1 FROM work_units WHERE unit_id = ANY(@ids) AND NOT done)
            """, conn, tx))
        {
            reset.Parameters.AddWithValue("ids", ids);
            await reset.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO work_units(unit_id, kind, label, web_url, priority, ord)
            SELECT * FROM unnest(@ids, @kinds, @labels, @urls, @priorities, @ords)
            ON CONFLICT (unit_id) DO UPDATE SET kind = excluded.kind, label = excluded.label, web_url = excluded.web_url,
              priority = excluded.priority, ord = excluded.ord
            """, conn, tx))
        {
            insert.Parameters.AddWithValue("ids", ids);
            insert.Parameters.AddWithValue("kinds", units.Select(u => u.Kind).ToArray());
            insert.Parameters.Add(new NpgsqlParameter("labels", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = units.Select(u => (object?)u.Label ?? DBNull.Value).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter("urls", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = units.Select(u => (object?)u.WebUrl ?? DBNull.Value).ToArray() });
            insert.Parameters.AddWithValue("priorities", units.Select(u => u.Priority).ToArray());
            insert.Parameters.AddWithValue("ords", units.Select(u => u.Order).ToArray());
            await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        await tx.CommitAsync(ct).ConfigureAwait(false);
        Volatile.Write(ref mine, ids);
    }

    public async Task<WorkTake> TakeAsync(string node, int max, TimeSpan leaseFor, CancellationToken ct)
    {
        var ids = Volatile.Read(ref mine);
        await using var conn = await db.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(conn);
        var take = new NpgsqlBatchCommand($"""
            WITH picked AS (
              SELECT unit_id FROM work_units
              WHERE unit_id = ANY(@ids) AND NOT done AND (holder IS NULL OR lease_expires <= now())
              ORDER BY priority, ord
              LIMIT @max
              FOR UPDATE SKIP LOCKED)
            UPDATE work_units w SET holder = @node, epoch = w.epoch + 1, taken_at = now(),
              lease_expires = now() + make_interval(secs => @secs)
            FROM picked WHERE w.unit_id = picked.unit_id
            RETURNING {Columns}
            """);
        take.Parameters.AddWithValue("ids", ids);
        take.Parameters.AddWithValue("max", Math.Max(0, max));
        take.Parameters.AddWithValue("node", node);
        take.Parameters.AddWithValue("secs", leaseFor.TotalSeconds);
        batch.BatchCommands.Add(take);
        var count = new NpgsqlBatchCommand("""
            SELECT count(*) FILTER (WHERE holder IS NOT NULL AND lease_expires > now())::int, count(*)::int
            FROM work_units WHERE unit_id = ANY(@ids) AND NOT done
            """);
        count.Parameters.AddWithValue("ids", ids);
        batch.BatchCommands.Add(count);

        var leases = new List<WorkLease>();
        await using var r = await batch.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await r.ReadAsync(ct).ConfigureAwait(false)) leases.Add(ReadLease(r, node));
        await r.NextResultAsync(ct).ConfigureAwait(false);
        await r.ReadAsync(ct).ConfigureAwait(false);
        return new WorkTake(leases.OrderBy(l => l.Unit.Priority).ThenBy(l => l.Unit.Order).ToList(), r.GetInt32(0), r.GetInt32(1));
    }

    public async Task<bool> CompleteAsync(WorkLease lease, Action? commit, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var tx = await conn.BeginTransactionAsync(ct).ConfigureAwait(false);
        await using (var check = new NpgsqlCommand("""
            SELECT 1 FROM work_units
            WHERE unit_id = @id AND holder = @node AND epoch = @epoch AND NOT done AND lease_expires > clock_timestamp()
            FOR UPDATE
            """, conn, tx))
        {
            check.Parameters.AddWithValue("id", lease.Unit.Id);
            check.Parameters.AddWithValue("node", lease.Node);
            check.Parameters.AddWithValue("epoch", lease.Epoch);
            if (await check.ExecuteScalarAsync(ct).ConfigureAwait(false) is null) return false;
        }
        // The row stays locked until the commit below: a node taking over skips it (SKIP LOCKED) meanwhile.
        commit?.Invoke();
        await using (var done = new NpgsqlCommand(
            "UPDATE work_units SET done = true, holder = NULL, lease_expires = NULL, done_at = now(), done_by = @node WHERE unit_id = @id", conn, tx))
        {
            done.Parameters.AddWithValue("id", lease.Unit.Id);
            done.Parameters.AddWithValue("node", lease.Node);
            await done.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return true;
    }

    public async Task JoinAsync(NodeInfo node, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            INSERT INTO scan_nodes(node_id, host, pid, started_at, last_seen, lease_seconds)
            VALUES (@id, @host, @pid, @started, now(), @lease)
            ON CONFLICT (node_id) DO UPDATE SET host = excluded.host, pid = excluded.pid, started_at = excluded.started_at,
              last_seen = now(), stopped = false, lease_seconds = excluded.lease_seconds,
              listed = 0, judged = 0, downloads = 0, requests = 0, throttled = 0, resource_units = 0
            """);
        cmd.Parameters.AddWithValue("id", node.Id);
        cmd.Parameters.AddWithValue("host", node.Host);
        cmd.Parameters.AddWithValue("pid", node.Pid);
        cmd.Parameters.AddWithValue("started", node.Started.ToUniversalTime());
        cmd.Parameters.AddWithValue("lease", node.Lease.TotalSeconds);
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    public async Task<IReadOnlySet<string>> HeartbeatAsync(string node, NodeCounters counters, TimeSpan leaseFor, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(conn);
        // An expired lease is not revived: another node may be about to take it, and the completion check says lost.
        var extend = new NpgsqlBatchCommand("""
            UPDATE work_units SET lease_expires = now() + make_interval(secs => @secs)
            WHERE holder = @node AND NOT done AND lease_expires > now()
            RETURNING unit_id
            """);
        extend.Parameters.AddWithValue("node", node);
        extend.Parameters.AddWithValue("secs", leaseFor.TotalSeconds);
        batch.BatchCommands.Add(extend);
        // After the RETURNING statement: a statement without a result set is skipped by the reader anyway.
        batch.BatchCommands.Add(CountersCommand(node, counters, stopped: false));
        var held = new HashSet<string>(StringComparer.Ordinal);
        await using var r = await batch.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await r.ReadAsync(ct).ConfigureAwait(false)) held.Add(r.GetString(0));
        return held;
    }

    public async Task LeaveAsync(string node, NodeCounters counters, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(conn);
        batch.BatchCommands.Add(CountersCommand(node, counters, stopped: true));
        var release = new NpgsqlBatchCommand("UPDATE work_units SET holder = NULL, lease_expires = NULL WHERE holder = @node AND NOT done");
        release.Parameters.AddWithValue("node", node);
        batch.BatchCommands.Add(release);
        await batch.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private static NpgsqlBatchCommand CountersCommand(string node, NodeCounters c, bool stopped)
    {
        var cmd = new NpgsqlBatchCommand("""
            UPDATE scan_nodes SET last_seen = now(), stopped = @stopped, listed = @listed, judged = @judged, downloads = @downloads,
              requests = @requests, throttled = @throttled, resource_units = @ru
            WHERE node_id = @node
            """);
        cmd.Parameters.AddWithValue("node", node);
        cmd.Parameters.AddWithValue("stopped", stopped);
        cmd.Parameters.AddWithValue("listed", c.Listed);
        cmd.Parameters.AddWithValue("judged", c.Judged);
        cmd.Parameters.AddWithValue("downloads", c.Downloads);
        cmd.Parameters.AddWithValue("requests", c.Requests);
        cmd.Parameters.AddWithValue("throttled", c.Throttled);
        cmd.Parameters.AddWithValue("ru", c.ResourceUnits);
        return cmd;
    }

    private static WorkLease ReadLease(NpgsqlDataReader r, string node) => new(
        new WorkUnit(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetInt32(4), r.GetInt32(5)),
        node, r.GetInt64(6), r.GetFieldValue<DateTimeOffset>(7));

    private static async Task Exec(NpgsqlConnection conn, NpgsqlTransaction tx, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx);
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }
}
