using ClassScan.TestSupport.Engines;
using ClassScan.State.Postgres.Work;
using ClassScan.State.Work;
using ClassScan.TestSupport.Postgres;
using Npgsql;

namespace ClassScan.State.Tests.Work;

/// <summary>The contract on PostgreSQL: each node is its own queue over its own data source, as separate processes are.</summary>
[RequiresPostgres]
[Trait("Category", PostgresAvailability.Category)]
public sealed class PostgresWorkQueueTests : WorkQueueContract
{
    private readonly List<NpgsqlDataSource> sources = [];
    private PostgresDatabase? db;

    public override void Dispose()
    {
        foreach (var s in sources) s.Dispose();
        db?.Dispose();
    }

    protected override Task<(IWorkQueue Queue, INodeRegistry Nodes)> NodeAsync()
    {
        db ??= TestPostgres.Create();
        var source = NpgsqlDataSource.Create(db.ConnectionString);
        sources.Add(source);
        var q = new PostgresWorkQueue(source);
        return Task.FromResult<(IWorkQueue, INodeRegistry)>((q, q));
    }
}
