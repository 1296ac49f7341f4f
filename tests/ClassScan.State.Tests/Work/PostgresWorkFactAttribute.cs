namespace ClassScan.State.Tests.Work;

/// <summary>A fact on PostgreSQL: skipped when CLASSSCAN_TEST_POSTGRES is unset, unless CLASSSCAN_REQUIRE_POSTGRES=1.</summary>
public sealed class PostgresWorkFactAttribute : FactAttribute
{
    public PostgresWorkFactAttribute()
    {
        if (TestPostgres.Admin is null && Environment.GetEnvironmentVariable("CLASSSCAN_REQUIRE_POSTGRES") != "1")
            Skip = TestPostgres.Variable + " är inte satt (t.ex. Host=/var/run/postgresql;Username=postgres)";
    }
}
