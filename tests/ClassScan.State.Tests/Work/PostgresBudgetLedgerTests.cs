using ClassScan.TestSupport.Engines;
using ClassScan.State.Postgres.Work;
using ClassScan.State.Work;
using ClassScan.TestSupport.Postgres;
using Npgsql;

namespace ClassScan.State.Tests.Work;

/// <summary>The bucket contract on PostgreSQL's graph_budget row, each node with its own data source.</summary>
[RequiresPostgres]
[Trait("Category", PostgresAvailability.Category)]
public sealed class PostgresBudgetLedgerTests : BudgetLedgerContract
{
    private readonly List<NpgsqlDataSource> sources = [];
    private PostgresDatabase? db;

    public override void Dispose()
    {
        foreach (var s in sources) s.Dispose();
        db?.Dispose();
    }

    protected override async Task<IBudgetLedger> LedgerAsync(BudgetLimits limits)
    {
        db ??= TestPostgres.Create();
        var source = NpgsqlDataSource.Create(db.ConnectionString);
        sources.Add(source);
        var ledger = new PostgresBudgetLedger(source);
        await ledger.ConfigureAsync(limits, CancellationToken.None);
        return ledger;
    }
}
