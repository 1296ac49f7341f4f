using System.Globalization;
using Npgsql;

namespace ClassScan.TestSupport.Postgres;

/// <summary>
/// A fresh, empty database for one test (classscan_t_&lt;guid&gt;) on the server of <see cref="PostgresAvailability"/>,
/// dropped on Dispose even while connections to it are still open (DROP DATABASE ... WITH (FORCE)), so tests never see
/// each other's rows and can run in parallel. Create one per test (in the test class's constructor, xunit makes an
/// instance per test). Not thread-safe to dispose twice at once; Dispose is idempotent otherwise.
/// </summary>
public sealed class PostgresDatabase : IDisposable
{
    private readonly string admin;
    private bool dropped;

    private PostgresDatabase(string admin, string name, string connectionString)
    {
        this.admin = admin;
        Name = name;
        ConnectionString = connectionString;
    }

    /// <summary>The database's name (classscan_t_ and 32 hex digits).</summary>
    public string Name { get; }

    /// <summary>The server's connection string with Database set to this database.</summary>
    public string ConnectionString { get; }

    /// <summary>Creates the database. Throws <see cref="InvalidOperationException"/> naming the server (never its
    /// password) when the server is unset or cannot be reached, so a CI run without PostgreSQL fails loudly.</summary>
    public static PostgresDatabase Create()
    {
        var admin = PostgresAvailability.RequireConnectionString();
        var name = "classscan_t_" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);
        try
        {
            Execute(admin, $"CREATE DATABASE {name}");
        }
        catch (Exception ex) when (ex is NpgsqlException or ArgumentException or TimeoutException)
        {
            throw new InvalidOperationException(
                $"PostgreSQL at {PostgresAvailability.Describe(admin)} ({PostgresAvailability.Variable}) could not create a test database: {ex.Message}", ex);
        }
        var b = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new PostgresDatabase(admin, name, b.ConnectionString);
    }

    /// <summary>Runs one statement in this database (test setup: an old schema, a newer version number).</summary>
    public void Execute(string sql) => Execute(ConnectionString, sql);

    /// <summary>One scalar from this database, for asserting on what a store wrote.</summary>
    public object? Scalar(string sql)
    {
        using var conn = new NpgsqlConnection(ConnectionString);
        conn.Open();
        using var cmd = new NpgsqlCommand(sql, conn);
        var v = cmd.ExecuteScalar();
        return v is DBNull ? null : v;
    }

    public void Dispose()
    {
        if (dropped) return;
        dropped = true;
        // This class's own pooled connections close first; a store's, and any still open, are ended by FORCE.
        using (var conn = new NpgsqlConnection(ConnectionString)) NpgsqlConnection.ClearPool(conn);
        Execute(admin, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }

    private static void Execute(string connectionString, string sql)
    {
        using var conn = new NpgsqlConnection(connectionString);
        conn.Open();
        using var cmd = new NpgsqlCommand(sql, conn);
        cmd.ExecuteNonQuery();
    }
}
