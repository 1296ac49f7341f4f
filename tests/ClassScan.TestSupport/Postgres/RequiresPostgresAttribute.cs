using ClassScan.TestSupport.Engines;

namespace ClassScan.TestSupport.Postgres;

/// <summary>On a contract test class that runs against PostgreSQL: its <see cref="ContractFactAttribute"/> tests are
/// skipped, as <see cref="PostgresFactAttribute"/> ones are, when no server is configured (<see cref="PostgresAvailability"/>).</summary>
public sealed class RequiresPostgresAttribute : EngineRequirementAttribute
{
    public override string? SkipReason => PostgresAvailability.SkipReason;
}
