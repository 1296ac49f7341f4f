using Npgsql;

namespace ClassScan.TestSupport.Postgres;

/// <summary>
/// Where the PostgreSQL tests find a server: <c>CLASSSCAN_TEST_POSTGRES</c>, an Npgsql connection string of a role that
/// may create databases (for example "Host=/var/run/postgresql;Username=postgres"). Tests that need it use
/// <see cref="PostgresFactAttribute"/>/<see cref="PostgresTheoryAttribute"/> and a <see cref="PostgresDatabase"/> each:
/// without the variable they are skipped with the reason on a developer's machine; in CI
/// (<c>CLASSSCAN_REQUIRE_POSTGRES=1</c>, which .ci/run sets after starting the server) they run, and an unset variable
/// or an unreachable server fails them loudly instead.
/// </summary>
public static class PostgresAvailability
{
    public const string Category = "Postgres";

    public const string Variable = "CLASSSCAN_TEST_POSTGRES";

    /// <summary>The server's connection string, or null when the variable is unset or blank.</summary>
    public static string? ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } s && !string.IsNullOrWhiteSpace(s) ? s : null;

    public static bool Required => Environment.GetEnvironmentVariable("CLASSSCAN_REQUIRE_POSTGRES") == "1";

    internal static string? SkipReason =>
        ConnectionString is null && !Required
            ? $"needs PostgreSQL ({Variable} unset; see README, PostgreSQL): not run; CI starts a server and fails without it"
            : null;

    /// <summary>The admin connection string; throws with what to do when there is none (the test then fails, in CI).</summary>
    internal static string RequireConnectionString() =>
        ConnectionString ?? throw new InvalidOperationException(
            $"{Variable} is unset but CLASSSCAN_REQUIRE_POSTGRES=1: start PostgreSQL and set {Variable} (see README, PostgreSQL).");

    /// <summary>The connection string without its password, for messages.</summary>
    internal static string Describe(string connectionString)
    {
        try
        {
            var b = new NpgsqlConnectionStringBuilder(connectionString);
            if (b.Password is not null) b.Password = "****";
            return b.ConnectionString;
        }
        catch (ArgumentException)
        {
            return "(an unreadable connection string)";
        }
    }
}
