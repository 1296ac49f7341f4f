using ClassScan.State.Postgres.Work;
using ClassScan.State.Work;

namespace ClassScan.State.Tests.Work;

/// <summary>The contract on PostgreSQL: each node is its own queue over its own data source, as separate processes are.</summary>
public sealed class PostgresWorkQueueTests : WorkQueueContract
{
    private readonly List<Npgsql.NpgsqlDataSource> sources = [];
    private TestPostgres? pg;

    public override async Task InitializeAsync()
    {
        if (TestPostgres.Admin is not null) pg = await TestPostgres.CreateAsync();
    }

    public override async Task DisposeAsync()
    {
        foreach (var s in sources) await s.DisposeAsync();
        if (pg is not null) await pg.DisposeAsync();
    }

    protected override Task<(IWorkQueue Queue, INodeRegistry Nodes)> NodeAsync()
    {
        var source = Npgsql.NpgsqlDataSource.Create(pg!.ConnectionString);
        sources.Add(source);
        var q = new PostgresWorkQueue(source);
        return Task.FromResult<(IWorkQueue, INodeRegistry)>((q, q));
    }
}
