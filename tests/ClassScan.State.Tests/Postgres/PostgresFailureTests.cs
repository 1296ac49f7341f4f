using ClassScan.State.Postgres;
using ClassScan.TestSupport.Postgres;
using Npgsql;

namespace ClassScan.State.Tests.Postgres;

/// <summary>What the CLI prints when PostgreSQL cannot be used: one Swedish line, the server's words, never the password.</summary>
[Trait("Category", PostgresAvailability.Category)]
public sealed class PostgresFailureTests
{
    private const string Secret = "hemligt-Lösen-4711";

    [Fact]
    public void Open_NothingListening_UnavailableAndNamedWithoutPassword()
    {
        // Port 1 (tcpmux) has no listener on a test machine: the connection is refused at once.
        var cs = $"Host=127.0.0.1;Port=1;Database=classscan;Username=scan;Password={Secret};Timeout=5";

        var ex = Assert.ThrowsAny<Exception>(() => PostgresStateStore.Open(cs));

        Assert.True(PostgresStateStore.TryDescribeFailure(ex, out var cause, out var unavailable));
        Assert.True(unavailable);
        Assert.StartsWith("servern svarar inte", cause, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, cause, StringComparison.Ordinal);
        Assert.Equal("PostgreSQL-databasen classscan på 127.0.0.1:1", PostgresStateStore.Describe(cs));
    }

    [PostgresFact]
    public void Open_LoginRefused_ConfigurationErrorWithoutPassword()
    {
        var admin = new NpgsqlConnectionStringBuilder(PostgresAvailability.ConnectionString!);
        var cs = new NpgsqlConnectionStringBuilder(admin.ConnectionString)
        {
            Username = "classscan_no_such_role_" + Guid.NewGuid().ToString("N"),
            Password = Secret,
            Database = "postgres",
        }.ConnectionString;

        var ex = Assert.ThrowsAny<Exception>(() => PostgresStateStore.Open(cs));

        Assert.True(PostgresStateStore.TryDescribeFailure(ex, out var cause, out var unavailable));
        Assert.False(unavailable);
        Assert.StartsWith("inloggningen nekades", cause, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, cause, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, PostgresStateStore.Describe(cs), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Host=db1;Database=classscan;Username=scan;Password=" + Secret, "PostgreSQL-databasen classscan på db1")]
    [InlineData("Host=db1;Port=5433;Username=scan;Password=" + Secret, "PostgreSQL-databasen scan på db1:5433")]
    [InlineData("Host=db1;Passwrd=" + Secret, "PostgreSQL (ogiltig anslutningssträng)")]
    public void Describe_ConnectionString_HostPortDatabaseNeverPassword(string cs, string expected)
    {
        Assert.Equal(expected, PostgresStateStore.Describe(cs));
    }

    [Fact]
    public void TryDescribeFailure_NotAPostgresFailure_False()
    {
        Assert.False(PostgresStateStore.TryDescribeFailure(new InvalidOperationException("bug"), out _, out _));
    }

    [Fact]
    public void AsWriteFailure_DiskFullOnServer_RunEndsIncompleteNamingTheDatabase()
    {
        var full = new PostgresException("could not extend file: No space left on device", "ERROR", "ERROR", PostgresErrorCodes.DiskFull);

        var why = PostgresFailure.AsWriteFailure(full, "PostgreSQL-databasen classscan på db1");

        Assert.NotNull(why);
        Assert.StartsWith("tillståndet kunde inte sparas: PostgreSQL-databasen classscan på db1: servern har slut på utrymme", why.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AsWriteFailure_SyntaxError_NullBecauseItIsABug()
    {
        var bug = new PostgresException("syntax error at or near \"SELEC\"", "ERROR", "ERROR", PostgresErrorCodes.SyntaxError);

        Assert.Null(PostgresFailure.AsWriteFailure(bug, "x"));
        Assert.Null(PostgresFailure.AsWriteFailure(new InvalidOperationException("disposed"), "x"));
    }
}
