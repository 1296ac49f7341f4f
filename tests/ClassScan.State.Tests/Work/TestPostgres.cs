using ClassScan.State.Postgres;
using ClassScan.TestSupport.Postgres;
using Npgsql;

namespace ClassScan.State.Tests.Work;

/// <summary>A fresh database per test (<see cref="PostgresDatabase"/>) migrated as a node migrates it (0001 state, 0002 work).</summary>
internal static class TestPostgres
{
    /// <summary>Skips the calling <c>[SkippableFact]</c> when no server is configured (CI requires one and fails instead).</summary>
    public static PostgresDatabase Create()
    {
        Skip.If(PostgresAvailability.ConnectionString is null && !PostgresAvailability.Required, "needs PostgreSQL (" + PostgresAvailability.Variable + " unset)");
        var db = PostgresDatabase.Create();
        using var conn = new NpgsqlConnection(db.ConnectionString);
        conn.Open();
        PostgresMigrations.Apply(conn, db.Name);
        return db;
    }
}
