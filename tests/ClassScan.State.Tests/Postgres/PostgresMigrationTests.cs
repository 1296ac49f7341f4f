using ClassScan.State.Postgres;
using ClassScan.TestSupport.Postgres;
using Npgsql;

namespace ClassScan.State.Tests.Postgres;

/// <summary>The schema of the PostgreSQL store: embedded migrations applied once, under the advisory lock, by however
/// many nodes start at once; a database from a newer ClassScan refused before anything is written.</summary>
[Trait("Category", PostgresAvailability.Category)]
public sealed class PostgresMigrationTests : IDisposable
{
    private readonly Lazy<PostgresDatabase> database = new(PostgresDatabase.Create);

    private PostgresDatabase Db => database.Value;

    public void Dispose()
    {
        if (database.IsValueCreated) database.Value.Dispose();
    }

    [Fact]
    public void All_EmbeddedFiles_NumberedFromOneWithoutGaps()
    {
        var all = PostgresMigrations.All;

        Assert.Equal(Enumerable.Range(1, all.Count), all.Select(m => m.Version));
        Assert.Equal("0001_state", all[0].Name);
        Assert.Contains("CREATE TABLE items", all[0].Sql, StringComparison.Ordinal);
        Assert.Equal(all.Count, PostgresMigrations.Latest);
    }

    [PostgresFact]
    public void Open_EmptyDatabase_AppliesEveryMigrationOnceAndCreatesTheTables()
    {
        using (var store = PostgresStateStore.Open(Db.ConnectionString))
            Assert.Equal(PostgresMigrations.Latest, store.SchemaVersion);
        using (PostgresStateStore.Open(Db.ConnectionString)) { }

        Assert.Equal((long)PostgresMigrations.Latest, Db.Scalar("SELECT count(*) FROM schema_migrations"));
        Assert.Equal((long)PostgresMigrations.Latest, Db.Scalar("SELECT count(DISTINCT version) FROM schema_migrations"));
        foreach (var table in new[] { "meta", "scopes", "items", "nodes", "feed", "runs" })
            Assert.Equal(true, Db.Scalar($"SELECT to_regclass('{table}') IS NOT NULL"));
        Assert.Equal("integer", Db.Scalar("SELECT data_type FROM information_schema.columns WHERE table_name='items' AND column_name='judged_count'"));
        Assert.Equal("timestamp with time zone", Db.Scalar("SELECT data_type FROM information_schema.columns WHERE table_name='items' AND column_name='last_modified'"));
    }

    [PostgresFact]
    public async Task Open_SixNodesAtOnce_MigrateOnceAndShareOneReportKey()
    {
        using var start = new Barrier(6);
        var stores = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() =>
        {
            start.SignalAndWait(TimeSpan.FromSeconds(30));
            return PostgresStateStore.Open(Db.ConnectionString);
        })));
        try
        {
            Assert.Equal((long)PostgresMigrations.Latest, Db.Scalar("SELECT count(*) FROM schema_migrations"));
            Assert.Equal(1L, Db.Scalar("SELECT count(*) FROM meta WHERE key='report_key'"));
            var ids = stores.Select(s => s.ReportIds.Of("drive/item-1")).Distinct().ToList();
            Assert.Single(ids);
        }
        finally
        {
            foreach (var s in stores) s.Dispose();
        }
    }

    [PostgresFact]
    public void Open_SchemaFromNewerClassScan_RefusedAndLeftUntouched()
    {
        using (PostgresStateStore.Open(Db.ConnectionString)) { }
        var newer = PostgresMigrations.Latest + 1;
        Db.Execute($"INSERT INTO schema_migrations(version, name) VALUES({newer}, '{newer:D4}_future')");
        Db.Execute("DELETE FROM meta");

        var ex = Assert.Throws<StateSchemaTooNewException>(() => PostgresStateStore.Open(Db.ConnectionString));

        Assert.Equal(newer, Assert.Throws<StateSchemaTooNewException>(() => PostgresStateStore.Inspect(Db.ConnectionString)).Found);
        Assert.Equal(newer, ex.Found);
        Assert.StartsWith("PostgreSQL-databasen " + Db.Name, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("fil", ex.Message, StringComparison.OrdinalIgnoreCase); // a database, not a file
        Assert.Equal(0L, Db.Scalar("SELECT count(*) FROM meta")); // no report key written
        Assert.Equal((long)newer, Db.Scalar("SELECT count(*) FROM schema_migrations"));
    }

    [PostgresFact]
    public void Open_NewerSchemaOnAnotherwiseEmptyDatabase_CreatesNoTable()
    {
        Db.Execute("CREATE TABLE schema_migrations(version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
        Db.Execute("INSERT INTO schema_migrations(version, name) VALUES(9999, '9999_future')");

        Assert.Throws<StateSchemaTooNewException>(() => PostgresStateStore.Open(Db.ConnectionString));

        Assert.Equal(false, Db.Scalar("SELECT to_regclass('items') IS NOT NULL"));
    }

    [PostgresFact]
    public void Open_Sessions_CommitWithoutWaitingForTheDiskUnlessOptionsSayOtherwise()
    {
        using (var store = PostgresStateStore.Open(Db.ConnectionString))
            Assert.Equal("off", store.Setting("synchronous_commit"));
        var strict = new NpgsqlConnectionStringBuilder(Db.ConnectionString) { Options = "-c synchronous_commit=on" }.ConnectionString;
        using (var store = PostgresStateStore.Open(strict))
            Assert.Equal("on", store.Setting("synchronous_commit"));
    }

    [PostgresFact]
    public void Open_DatabaseMissing_CreatedOnFirstOpen()
    {
        var name = Db.Name + "_new";
        var cs = new NpgsqlConnectionStringBuilder(Db.ConnectionString) { Database = name }.ConnectionString;
        try
        {
            Assert.Equal(new StateSummary(0, 0), PostgresStateStore.Inspect(cs)); // doctor creates nothing

            using var store = PostgresStateStore.Open(cs);

            Assert.Equal(new StateSummary(PostgresMigrations.Latest, 0), PostgresStateStore.Inspect(cs));
        }
        finally
        {
            Db.Execute($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
    }
}
