using ClassScan.State.Sqlite;
using ClassScan.TestSupport.State;

namespace ClassScan.State.Tests;

/// <summary>The state store contract on the SQLite engine: one fresh file per test in a temporary folder.</summary>
public sealed class SqliteStateStoreContractTests : StateStoreContract, IDisposable
{
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("classscan-contract-");

    protected override IScanStateStore CreateStore() => SqliteStateStore.Open(Path.Combine(work.FullName, "classscan-state.db"));

    public void Dispose() => work.Delete(recursive: true);
}
