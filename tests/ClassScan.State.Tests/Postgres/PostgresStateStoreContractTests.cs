using ClassScan.State.Postgres;
using ClassScan.TestSupport.Postgres;
using ClassScan.TestSupport.State;

namespace ClassScan.State.Tests.Postgres;

/// <summary>The state store contract on PostgreSQL: one fresh database per test (created on first use, dropped after),
/// so every store behaviour is proved on both engines. Not run without a server (CLASSSCAN_TEST_POSTGRES); fails in CI.</summary>
[RequiresPostgres]
[Trait("Category", PostgresAvailability.Category)]
public sealed class PostgresStateStoreContractTests : StateStoreContract, IDisposable
{
    private readonly Lazy<PostgresDatabase> database = new(PostgresDatabase.Create);

    protected override IScanStateStore CreateStore() => PostgresStateStore.Open(database.Value.ConnectionString);

    public void Dispose()
    {
        if (database.IsValueCreated) database.Value.Dispose();
    }
}
