using System.Net.Sockets;
using ClassScan.Core.Scanning;
using Npgsql;

namespace ClassScan.State.Postgres;

/// <summary>
/// Words what Npgsql throws in Swedish, for the one line the CLI prints: the server's own words in parentheses with
/// the SQLSTATE, digits masked, never the connection string (which may hold the password). PostgreSQL's messages
/// never repeat a password; the connection string is only ever shown through <see cref="PostgresStateStore.Describe(string)"/>.
/// Thread-safe (stateless); never throws.
/// </summary>
internal static class PostgresFailure
{
    /// <summary>Why the server could not be used, and whether it is the server's availability (a later run may
    /// succeed: the run is incomplete) rather than the configuration (wrong password, no such role: a usage error).
    /// Null when <paramref name="ex"/> is not a PostgreSQL failure.</summary>
    public static (string Cause, bool Unavailable)? Describe(Exception ex) => ex switch
    {
        ArgumentException a => ("anslutningssträngen är ogiltig (" + OutputWriteException.SystemText(a.Message) + ")", false),
        PostgresException p => Server(p),
        NpgsqlException n when Root(n) is SocketException or TimeoutException or IOException || n.IsTransient =>
            ("servern svarar inte (" + OutputWriteException.SystemText((Root(n) ?? n).Message) + ")", true),
        NpgsqlException n => ("fel från Npgsql (" + OutputWriteException.SystemText(n.Message) + ")", true),
        TimeoutException t => ("servern svarar inte (" + OutputWriteException.SystemText(t.Message) + ")", true),
        _ => null,
    };

    /// <summary>A failed state write as the reason that ends the run incomplete, or null when it is not one (a bug,
    /// a disposed store, a constraint the code should never break).</summary>
    public static OutputWriteException? AsWriteFailure(Exception ex, string where)
    {
        if (ex is OutputWriteException already) return already;
        if (ex is not NpgsqlException and not TimeoutException) return null;
        if (ex is PostgresException { SqlState: var state } && !IsWriteFailure(state)) return null;
        return Describe(ex) is { } d ? new OutputWriteException($"tillståndet kunde inte sparas: {where}: {d.Cause}", ex) : null;
    }

    // Class 53: no disk, memory or connections left; 25006: a read-only server (a standby); 42501: the role may not
    // write; 57P*: the server is shutting down or starting; 08*: the connection failed; 40*: rolled back by a
    // deadlock or serialisation conflict. Anything else (a syntax error, a constraint) is a bug and stays as it is.
    private static bool IsWriteFailure(string state) =>
        state.StartsWith("53", StringComparison.Ordinal) || state.StartsWith("08", StringComparison.Ordinal)
        || state.StartsWith("57P", StringComparison.Ordinal) || state.StartsWith("40", StringComparison.Ordinal)
        || state is PostgresErrorCodes.ReadOnlySqlTransaction or PostgresErrorCodes.InsufficientPrivilege;

    private static (string, bool) Server(PostgresException p)
    {
        var words = $"{p.SqlState}: {OutputWriteException.SystemText(p.MessageText)}";
        return p.SqlState switch
        {
            PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification =>
                ($"inloggningen nekades: fel användarnamn eller lösenord, eller så släpper servern inte in rollen ({words})", false),
            PostgresErrorCodes.InvalidCatalogName => ($"databasen finns inte ({words})", false),
            PostgresErrorCodes.InsufficientPrivilege => ($"rollen saknar behörighet ({words})", false),
            PostgresErrorCodes.ReadOnlySqlTransaction => ($"servern tar bara emot läsningar ({words})", true),
            _ when p.SqlState.StartsWith("53", StringComparison.Ordinal) => ($"servern har slut på utrymme eller resurser ({words})", true),
            _ when p.SqlState.StartsWith("57P", StringComparison.Ordinal) || p.SqlState.StartsWith("08", StringComparison.Ordinal) =>
                ($"servern stängs, startar eller bröt förbindelsen ({words})", true),
            _ => ($"servern svarade med ett fel ({words})", false),
        };
    }

    private static Exception? Root(Exception ex)
    {
        for (var e = ex.InnerException; e is not null; e = e.InnerException)
            if (e is SocketException or TimeoutException or IOException) return e;
        return null;
    }
}
