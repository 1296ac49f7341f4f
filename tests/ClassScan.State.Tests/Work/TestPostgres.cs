using ClassScan.State.Postgres;
using ClassScan.TestSupport.Postgres;
using Npgsql;

namespace ClassScan.State.Tests.Work;

/// <summary>A fresh database per test (<see cref="PostgresDatabase"/>) migrated as a node migrates it (0001 state, 0002 work).</summary>
internal static class TestPostgres
{
    /// <summary>Called only from a <c>[RequiresPostgres]</c> class's <c>[ContractFact]</c>s, which are skipped without a
    /// server (and fail in CI, which requires one).</summary>
    public static PostgresDatabase Create()
    {
        var db = PostgresDatabase.Create();
        using var conn = new NpgsqlConnection(db.ConnectionString);
        conn.Open();
        PostgresMigrations.Apply(conn, db.Name);
        return db;
    }
}
