using Xunit;

namespace ClassScan.TestSupport.Postgres;

/// <summary>A theory that needs a PostgreSQL server (<see cref="PostgresAvailability"/>). Its data source must not connect to it.</summary>
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute()
    {
        if (PostgresAvailability.SkipReason is { } reason) Skip = reason;
    }
}
