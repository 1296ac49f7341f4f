using ClassScan.State.Postgres;
using Npgsql;

namespace ClassScan.State.Tests.Postgres;

/// <summary>A --state value: a connection (key=value pairs with Host or Server, or a libpq URI) or a SQLite file path.</summary>
public sealed class PostgresConnectionStringTests
{
    [Theory]
    [InlineData("Host=db1;Database=classscan;Username=scan;Password=pw", "db1", 5432, "classscan", "scan", "pw")]
    [InlineData("  Server=db1 ; Port=5433;Database=classscan  ", "db1", 5433, "classscan", null, null)]
    [InlineData("Username=scan;host=/var/run/postgresql", "/var/run/postgresql", 5432, null, "scan", null)]
    [InlineData("postgresql://scan:p%40ss%3Bw@db1:5433/classscan", "db1", 5433, "classscan", "scan", "p@ss;w")]
    [InlineData("postgres://db1/classscan", "db1", 5432, "classscan", null, null)]
    [InlineData("POSTGRESQL://scan@[::1]:6000/stat%C3%A5", "::1", 6000, "statå", "scan", null)]
    [InlineData("postgresql://", "localhost", 5432, null, null, null)]
    public void From_Connection_ReadAsNpgsqlConnectionString(string value, string host, int port, string? database, string? user, string? password)
    {
        var cs = PostgresConnectionString.From(value);

        Assert.NotNull(cs);
        var b = new NpgsqlConnectionStringBuilder(cs);
        Assert.Equal((host, port, database, user, password), (b.Host, b.Port, b.Database, b.Username, b.Password));
    }

    [Fact]
    public void From_UriWithLibpqParameters_RenamedForNpgsql()
    {
        var b = new NpgsqlConnectionStringBuilder(PostgresConnectionString.From(
            "postgresql://scan@db1,db2:5433/classscan?sslmode=verify-full&connect_timeout=7&application_name=nod-1&target_session_attrs=primary"));

        Assert.Equal("db1,db2:5433", b.Host);
        Assert.Equal(SslMode.VerifyFull, b.SslMode);
        Assert.Equal(7, b.Timeout);
        Assert.Equal("nod-1", b.ApplicationName);
        Assert.Equal("primary", b.TargetSessionAttributes);
    }

    [Theory]
    [InlineData("/var/lib/classscan/state.db")]
    [InlineData("state.db")]
    [InlineData("C:\\ClassScan\\state.db")]
    [InlineData("/data/Host=1/state.db")]
    [InlineData("ut/Server=a;b/state.db")]
    [InlineData("postgresql-state.db")]
    public void From_FilePath_Null(string value)
    {
        Assert.Null(PostgresConnectionString.From(value));
    }

    [Theory]
    [InlineData("Host=db1;Passwrd=hemligt", "hemligt")]
    [InlineData("postgresql://scan:hemligt@db1:notaport/classscan", "hemligt")]
    [InlineData("postgresql://scan:hemligt@db1/classscan?nosuchparameter=1", "hemligt")]
    public void From_MalformedConnection_FormatExceptionWithoutPassword(string value, string secret)
    {
        var ex = Assert.Throws<FormatException>(() => PostgresConnectionString.From(value));

        Assert.StartsWith("--state ser ut som en PostgreSQL-anslutning", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, ex.Message, StringComparison.Ordinal);
    }
}
