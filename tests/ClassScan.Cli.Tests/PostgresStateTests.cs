using ClassScan.Cli.Commands;
using ClassScan.State.Postgres;
using ClassScan.TestSupport.Postgres;

namespace ClassScan.Cli.Tests;

/// <summary>--state naming PostgreSQL: which engine a value opens, and what doctor says about the database.</summary>
[Trait("Category", PostgresAvailability.Category)]
public sealed class PostgresStateTests : IDisposable
{
    private const string Secret = "hemligt-Lösen-4711";

    private readonly Lazy<PostgresDatabase> database = new(PostgresDatabase.Create);

    public void Dispose()
    {
        if (database.IsValueCreated) database.Value.Dispose();
    }

    [Theory]
    [InlineData("Host=db1;Database=classscan;Username=scan;Password=" + Secret, "PostgreSQL-databasen classscan på db1")]
    [InlineData("postgresql://scan:" + Secret + "@db1:5433/classscan", "PostgreSQL-databasen classscan på db1:5433")]
    public void Parse_ConnectionString_PostgresShownWithoutPassword(string value, string display)
    {
        var location = StateLocation.Parse(value);

        Assert.True(location.IsPostgres);
        Assert.Null(location.FilePath);
        Assert.Equal(display, location.Display);
        Assert.Contains(Secret, location.ConnectionString, StringComparison.Ordinal); // handed to Npgsql, never shown
    }

    [Theory]
    [InlineData("state.db")]
    [InlineData("/var/lib/classscan/classscan-state.db")]
    [InlineData("/data/Host=1/state.db")]
    public void Parse_FilePath_SqliteAsBefore(string value)
    {
        var location = StateLocation.Parse(value);

        Assert.False(location.IsPostgres);
        Assert.Equal(value, location.FilePath);
        Assert.Equal(Path.GetFullPath(value), location.Display);
    }

    [Fact]
    public void DoctorState_ServerNotListening_FailsNamingHostNeverPassword()
    {
        var check = Doctor.DoctorChecks.StateDatabase($"Host=127.0.0.1;Port=1;Database=classscan;Username=scan;Password={Secret}");

        Assert.Equal(Doctor.DoctorOutcome.Failed, check.Outcome);
        Assert.StartsWith("PostgreSQL-databasen classscan på 127.0.0.1:1 kan inte användas: servern svarar inte", check.Message, StringComparison.Ordinal);
        Assert.Contains("pg_isready", check.Fix, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, check.Message + check.Fix, StringComparison.Ordinal);
    }

    [PostgresFact]
    public void DoctorState_FreshDatabase_OkAndCreatesNothing_ThenSchemaAndItemsAfterFirstOpen()
    {
        var db = database.Value;

        var fresh = Doctor.DoctorChecks.StateDatabase(db.ConnectionString);
        Assert.Equal(Doctor.DoctorOutcome.Ok, fresh.Outcome);
        Assert.Contains("schemat skapas vid första körningen", fresh.Message, StringComparison.Ordinal);
        Assert.Equal(false, db.Scalar("SELECT to_regclass('schema_migrations') IS NOT NULL"));

        using (PostgresStateStore.Open(db.ConnectionString)) { }
        var migrated = Doctor.DoctorChecks.StateDatabase(db.ConnectionString);

        Assert.Equal(Doctor.DoctorOutcome.Ok, migrated.Outcome);
        Assert.EndsWith($"(PostgreSQL): schemaversion {PostgresMigrations.Latest}, 0 filer", migrated.Message, StringComparison.Ordinal);
    }
}
