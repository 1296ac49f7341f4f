using Npgsql;

namespace ClassScan.State.Tests.Work;

/// <summary>
/// A fresh PostgreSQL database per test from CLASSSCAN_TEST_POSTGRES, with the work tables of 0002_work.sql;
/// dropped on dispose. Null when the variable is unset (the test is then skipped by <see cref="PostgresWorkFactAttribute"/>).
/// </summary>
internal sealed class TestPostgres : IAsyncDisposable
{
    public const string Variable = "CLASSSCAN_TEST_POSTGRES";

    private readonly string admin;

    private TestPostgres(string admin, string name, NpgsqlDataSource db, string connectionString)
    {
        this.admin = admin;
        Name = name;
        Db = db;
        ConnectionString = connectionString;
    }

    public string Name { get; }
    public NpgsqlDataSource Db { get; }
    public string ConnectionString { get; }

    public static string? Admin => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } s ? s : null;

    public static async Task<TestPostgres> CreateAsync()
    {
        var admin = Admin ?? throw new InvalidOperationException(Variable + " är inte satt");
        var name = "classscan_work_" + Guid.NewGuid().ToString("N")[..12];
        await using (var a = NpgsqlDataSource.Create(admin))
        await using (var cmd = a.CreateCommand($"CREATE DATABASE {name}"))
            await cmd.ExecuteNonQueryAsync();
        var cs = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString();
        var db = NpgsqlDataSource.Create(cs);
        await using (var cmd = db.CreateCommand(WorkMigration()))
            await cmd.ExecuteNonQueryAsync();
        return new TestPostgres(admin, name, db, cs);
    }

    public static string WorkMigration()
    {
        var asm = typeof(ClassScan.State.Postgres.Work.PostgresWorkQueue).Assembly;
        var resource = asm.GetManifestResourceNames().Single(n => n.EndsWith("0002_work.sql", StringComparison.Ordinal));
        using var s = asm.GetManifestResourceStream(resource)!;
        return new StreamReader(s).ReadToEnd();
    }

    public async ValueTask DisposeAsync()
    {
        await Db.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var a = NpgsqlDataSource.Create(admin);
        await using var cmd = a.CreateCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
        await cmd.ExecuteNonQueryAsync();
    }
}
