using ClassScan.State.Work;
using Npgsql;

namespace ClassScan.State.Postgres.Work;

/// <summary>
/// The distribution side of a PostgreSQL state for one node process: work queue and node registry, the tenant's
/// budget ledger and the status reader, over one pooled data source that this object owns (dispose after the scan).
/// The tables come with the state's migrations (0002_work.sql), applied when the state store is opened; the status
/// reader works on an unmigrated database too (it reports what exists). Thread-safe.
/// </summary>
public sealed class PostgresDistribution : IDisposable
{
    private readonly NpgsqlDataSource db;

    private PostgresDistribution(NpgsqlDataSource db)
    {
        this.db = db;
        var queue = new PostgresWorkQueue(db);
        Queue = queue;
        Nodes = queue;
        Ledger = new PostgresBudgetLedger(db);
        Status = new PostgresStatusReader(db);
    }

    public IWorkQueue Queue { get; }
    public INodeRegistry Nodes { get; }
    public IBudgetLedger Ledger { get; }
    public IScanStatusReader Status { get; }

    /// <param name="connectionString">An Npgsql connection string (as <see cref="PostgresStateStore.ConnectionStringFrom"/> gives it).</param>
    public static PostgresDistribution Open(string connectionString) => new(NpgsqlDataSource.Create(connectionString));

    public void Dispose() => db.Dispose();
}
