namespace ClassScan.Cli.Commands;

/// <summary>
/// Where <c>--state</c> (or Scan:State) points: a PostgreSQL database shared by several scan nodes when the value looks
/// like a connection string ("Host=..." or "Server=..." among its key=value pairs, or a postgresql:// or postgres:// URI),
/// else a SQLite file path, as before. The one place that decides it, so scan, doctor and show agree. Immutable.
/// <see cref="Display"/> is what messages show: the file's full path, or host, port and database, never the password.
/// </summary>
internal sealed record StateLocation
{
    private StateLocation(string? filePath, string? connectionString, string display)
    {
        FilePath = filePath;
        ConnectionString = connectionString;
        Display = display;
    }

    /// <summary>The SQLite file, or null for PostgreSQL.</summary>
    public string? FilePath { get; }

    /// <summary>The Npgsql connection string (a URI converted to key=value pairs), or null for a SQLite file.</summary>
    public string? ConnectionString { get; }

    public bool IsPostgres => ConnectionString is not null;

    /// <summary>For messages and logs: never the password.</summary>
    public string Display { get; }

    /// <summary>True when the value names PostgreSQL, even one that cannot be read; never throws.</summary>
    public static bool LooksLikePostgres(string value)
    {
        try
        {
            return Parse(value).IsPostgres;
        }
        catch (FormatException)
        {
            return true;
        }
    }

    /// <summary>Reads a --state value. Throws <see cref="FormatException"/> (Swedish, without the password) for a
    /// PostgreSQL URI or connection string that cannot be read.</summary>
    public static StateLocation Parse(string value) =>
        State.Postgres.PostgresStateStore.ConnectionStringFrom(value) is { } cs
            ? new StateLocation(null, cs, State.Postgres.PostgresStateStore.Describe(cs))
            : new StateLocation(value, null, Path.GetFullPath(value));
}
