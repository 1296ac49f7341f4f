using System.Text;
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
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("classscan-pgstate-");

    public void Dispose()
    {
        if (database.IsValueCreated) database.Value.Dispose();
        work.Delete(recursive: true);
    }

    private string InDir => Path.Combine(work.FullName, "in");

    private void In(string name, string content)
    {
        Directory.CreateDirectory(InDir);
        File.WriteAllText(Path.Combine(InDir, name), content, new UTF8Encoding(false));
    }

    private Task<CliRunner.Run> ScanAsync(string state, string outName = "out") =>
        CliRunner.RunAsync("scan", InDir, "--out", Path.Combine(work.FullName, outName), "--state", state, "--parallelism", "1", "--in-process");

    [PostgresFact]
    public async Task Scan_StateInPostgres_SecondRunReadsOnlyTheChangedFileAndCountsEveryFlag()
    {
        In("elevlista.txt", "Elevlista klass 3B\nElsa Berg, personnummer 19121212-1212\n");
        In("veckobrev.txt", "Hej föräldrar! På fredag är det friluftsdag.");
        var db = database.Value;

        var first = await ScanAsync(db.ConnectionString);
        In("veckobrev.txt", "Hej föräldrar! På måndag är det studiedag.");
        var second = await ScanAsync(db.ConnectionString, "out2");

        Assert.True(first.ExitCode == 1, first.StdOut + first.StdErr);
        Assert.True(second.ExitCode == 1, second.StdOut + second.StdErr); // the unchanged flagged file still must leave
        Assert.Contains("1 oförändrade hoppades över, 1 lästes", second.StdOut, StringComparison.Ordinal);
        Assert.Equal(2L, db.Scalar("SELECT count(*) FROM items"));
        Assert.Equal(3L, db.Scalar("SELECT sum(judged_count) FROM items")); // two, then only the changed one
        Assert.Equal(2L, db.Scalar("SELECT count(*) FROM runs WHERE finished_at IS NOT NULL"));
        Assert.False(File.Exists(Path.Combine(work.FullName, "out", StateComposition.DefaultFileName)));
    }

    [Fact]
    public async Task Scan_StateServerNotListening_OneSwedishLineExitIncompleteNoPasswordNoStackTrace()
    {
        In("veckobrev.txt", "Hej föräldrar! På fredag är det friluftsdag.");

        var run = await ScanAsync($"Host=127.0.0.1;Port=1;Database=classscan;Username=scan;Password={Secret};Timeout=5");

        Assert.Equal(ExitCodes.Incomplete, run.ExitCode);
        var output = run.StdOut + run.StdErr;
        Assert.Contains("tillståndet i PostgreSQL-databasen classscan på 127.0.0.1:1 kan inte användas: servern svarar inte", output, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task Scan_StateLoginRefused_UsageErrorNoPassword()
    {
        In("veckobrev.txt", "Hej föräldrar! På fredag är det friluftsdag.");
        var cs = new Npgsql.NpgsqlConnectionStringBuilder(database.Value.ConnectionString)
        {
            Username = "classscan_no_such_role_" + Guid.NewGuid().ToString("N"),
            Password = Secret,
        }.ConnectionString;

        var run = await ScanAsync(cs);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("kan inte användas: inloggningen nekades", run.StdOut + run.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, run.StdOut + run.StdErr, StringComparison.Ordinal);
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
