using System.Globalization;
using System.Reflection;
using Npgsql;

namespace ClassScan.State.Postgres;

/// <summary>
/// The schema as numbered SQL files embedded in this assembly (Migrations/NNNN_name.sql), applied in order, each in
/// its own transaction with its row in schema_migrations, under one advisory lock: N nodes starting at once migrate
/// once, the others wait and find nothing left to do. A database migrated by a newer ClassScan (a version this binary
/// has no file for) is refused before anything is written, as the SQLite store refuses a newer file.
/// Thread-safe (stateless); throws what the connection throws, and <see cref="StateSchemaTooNewException"/>.
/// </summary>
internal static class PostgresMigrations
{
    /// <summary>Any 64-bit constant, the same in every ClassScan: advisory locks are per database, so it only has to
    /// differ from other applications' keys in the same database. "ClassScn" in ASCII.</summary>
    internal const long LockKey = 0x436C617373536E;

    private const string ResourcePrefix = "Migrations.";

    /// <summary>Every migration this binary knows, in order.</summary>
    public static IReadOnlyList<Migration> All { get; } = Load(typeof(PostgresMigrations).Assembly);

    /// <summary>The newest schema version this binary reads.</summary>
    public static int Latest => All[^1].Version;

    /// <summary>Brings the database to <see cref="Latest"/>; returns the versions it applied (none when it was current).</summary>
    /// <param name="conn">An open connection, not in a transaction; it holds the lock while migrating.</param>
    /// <param name="where">The database as messages name it (never with its password).</param>
    public static IReadOnlyList<int> Apply(NpgsqlConnection conn, string where)
    {
        Exec(conn, null, "SELECT pg_advisory_lock(@k)", new NpgsqlParameter<long>("k", LockKey));
        try
        {
            var applied = AppliedVersion(conn);
            if (applied > Latest) throw new StateSchemaTooNewException(where, applied, Latest, isDatabase: true);
            Exec(conn, null, """
                CREATE TABLE IF NOT EXISTS schema_migrations(
                  version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())
                """);
            var done = new List<int>();
            foreach (var m in All.Where(m => m.Version > applied))
            {
                using var tx = conn.BeginTransaction();
                Exec(conn, tx, m.Sql);
                Exec(conn, tx, "INSERT INTO schema_migrations(version, name) VALUES(@v, @n)",
                    new NpgsqlParameter<int>("v", m.Version), new NpgsqlParameter<string>("n", m.Name));
                tx.Commit();
                done.Add(m.Version);
            }
            return done;
        }
        finally
        {
            // A broken connection has lost the lock with its session already; only a live one needs to let go.
            if (conn.FullState == System.Data.ConnectionState.Open)
                Exec(conn, null, "SELECT pg_advisory_unlock(@k)", new NpgsqlParameter<long>("k", LockKey));
        }
    }

    /// <summary>The highest version recorded, 0 for an empty database. Reads only.</summary>
    public static int AppliedVersion(NpgsqlConnection conn)
    {
        using var cmd = new NpgsqlCommand("SELECT to_regclass('schema_migrations') IS NOT NULL", conn);
        if (cmd.ExecuteScalar() is not true) return 0;
        using var max = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM schema_migrations", conn);
        return Convert.ToInt32(max.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    internal static IReadOnlyList<Migration> Load(Assembly assembly)
    {
        var list = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal)))
        {
            var name = resource[ResourcePrefix.Length..^".sql".Length];
            var underscore = name.IndexOf('_', StringComparison.Ordinal);
            if (underscore != 4 || !int.TryParse(name.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version == 0)
                throw new InvalidOperationException($"migration {resource} is not named NNNN_name.sql");
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            list.Add(new Migration(version, name, reader.ReadToEnd()));
        }
        list.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < list.Count; i++)
        {
            // A gap or a duplicate number means two branches picked the same file name: fail the build's tests, not a node.
            if (list[i].Version != i + 1) throw new InvalidOperationException($"migrations are not numbered 1..n: {list[i].Name} at position {i + 1}");
        }
        return list;
    }

    private static void Exec(NpgsqlConnection conn, NpgsqlTransaction? tx, string sql, params NpgsqlParameter[] args)
    {
        using var cmd = new NpgsqlCommand(sql, conn, tx);
        cmd.Parameters.AddRange(args);
        cmd.ExecuteNonQuery();
    }
}
