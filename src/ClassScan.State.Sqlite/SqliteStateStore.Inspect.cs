using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ClassScan.State.Sqlite;

public sealed partial class SqliteStateStore
{
    /// <summary>
    /// Looks at a state file without changing it (read-only connection, no lock file, no migration), for doctor: the
    /// same checks a scan makes before it writes. Works beside a running scan (WAL readers do not block it).
    /// Throws <see cref="FileNotFoundException"/> when there is no file, <see cref="StateCorruptException"/> when it is
    /// damaged (the next scan moves it aside and starts afresh) and <see cref="StateSchemaTooNewException"/> when a
    /// newer ClassScan wrote it.
    /// </summary>
    public static StateSummary Inspect(string statePath)
    {
        if (!File.Exists(statePath)) throw new FileNotFoundException("tillståndsfilen finns inte", statePath);
        using var db = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = statePath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        try
        {
            db.Open();
            Check(db, statePath);
            var version = HasTable(db, "meta") && Scalar(db, null, "SELECT value FROM meta WHERE key='schema_version'") is { } v
                ? int.Parse(Convert.ToString(v, CultureInfo.InvariantCulture)!, NumberStyles.None, CultureInfo.InvariantCulture)
                : 0;
            var items = HasTable(db, "items") && Scalar(db, null, "SELECT count(*) FROM items") is long n ? n : 0;
            return new StateSummary(version, items);
        }
        catch (SqliteException ex) when (IsCorruption(ex))
        {
            throw new StateCorruptException(statePath, $"SQLite-fel {ex.SqliteErrorCode}: {ex.Message}", ex);
        }
    }

    private static bool HasTable(SqliteConnection db, string name) =>
        Scalar(db, null, "SELECT count(*) FROM sqlite_master WHERE type='table' AND name=$n", ("$n", name)) is long and > 0;
}
