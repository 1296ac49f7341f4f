using Xunit;

namespace ClassScan.TestSupport.Postgres;

/// <summary>A fact that needs a PostgreSQL server (<see cref="PostgresAvailability"/>). Mark it <c>[Trait("Category", "Postgres")]</c> too.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresAvailability.SkipReason is { } reason) Skip = reason;
    }
}
