using ClassScan.Cli.Commands;
using ClassScan.State;
using ClassScan.State.Postgres;

namespace ClassScan.Cli.Doctor;

/// <summary>
/// doctor's state line when --state (Scan:State) names a PostgreSQL database: one connection, read only (schema
/// version and items, as <see cref="PostgresStateStore.Inspect"/>), with a short connect timeout so that a firewall
/// costs seconds, not the default quarter minute. Unlike the Graph check it does touch the network: the database is
/// what the scan needs first, and nothing else can tell whether the login works.
/// </summary>
internal static class PostgresStateCheck
{
    private const string Name = "Tillståndsdatabas";
    private const int ConnectTimeoutSeconds = 5;

    /// <summary>The check for a PostgreSQL state, or null when <paramref name="stateValue"/> is a SQLite file path.</summary>
    public static DoctorCheck? For(string stateValue)
    {
        StateLocation location;
        try
        {
            location = StateLocation.Parse(stateValue);
        }
        catch (FormatException ex)
        {
            return new(Name, DoctorOutcome.Failed, ex.Message + ".", "Skriv --state som Host=...;Database=...;Username=... eller postgresql://användare@värd/databas.");
        }
        if (location.ConnectionString is not { } cs) return null;
        try
        {
            var summary = PostgresStateStore.Inspect(cs, ConnectTimeoutSeconds);
            return summary.SchemaVersion == 0
                ? new(Name, DoctorOutcome.Ok, $"{location.Display} (PostgreSQL) nås; schemat skapas vid första körningen (den läser då alla filer)")
                : new(Name, DoctorOutcome.Ok, $"{location.Display} (PostgreSQL): schemaversion {summary.SchemaVersion}, {summary.Items} filer");
        }
        catch (StateSchemaTooNewException ex)
        {
            return new(Name, DoctorOutcome.Failed, $"{location.Display} har migrerats av en nyare ClassScan (schema {ex.Found}); skanningen vägrar använda den.",
                "Installera samma eller en nyare version av ClassScan på alla noder, eller peka Scan:State på en annan databas.");
        }
        catch (Exception ex) when (PostgresStateStore.TryDescribeFailure(ex, out var cause, out var unavailable))
        {
            return new(Name, DoctorOutcome.Failed, $"{location.Display} kan inte användas: {cause}.",
                unavailable
                    ? "Kontrollera att servern är igång och nås härifrån (pg_isready -h VÄRD -p PORT), och brandväggen."
                    : "Kontrollera Username och lösenord i --state/Scan:State (eller PGPASSWORD/.pgpass) och att rollen får logga in i databasen.");
        }
    }
}
