using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace ClassScan.State.Postgres;

/// <summary>
/// The state of nightly scans in PostgreSQL, shared by several scan nodes: the SQLite store's tables and columns
/// (Migrations/0001_state.sql) with native types. Thread-safe: every call takes a connection from one pooled
/// <see cref="NpgsqlDataSource"/> and gives it back. Every write is one transaction, committed before the call
/// returns (a killed node loses at most the verdict it was writing; a crashed server at most the last second of them,
/// as SQLite's synchronous=NORMAL, see <see cref="Open"/>); where the SQLite store writes per item (marks
/// of unchanged items, items gone from a listing, a feed page), this one sends the whole batch in one statement.
/// Owns its data source; Dispose closes the pool. Throws <see cref="NpgsqlException"/> when the server fails or
/// cannot be reached (<see cref="PostgresException"/> carries the SQLSTATE), and
/// <see cref="StateSchemaTooNewException"/> from <see cref="Open"/> when a newer ClassScan migrated the database.
/// </summary>
public sealed partial class PostgresStateStore : IScanStateStore
{
    private const int DefaultCommandTimeoutSeconds = 30, LongCommandTimeoutSeconds = 600;

    private readonly NpgsqlDataSource db;
    private readonly TimeProvider time;

    private PostgresStateStore(NpgsqlDataSource db, string description, TimeProvider time, Core.Privacy.ReportIdentity reportIds, int schemaVersion)
    {
        this.db = db;
        this.time = time;
        Description = description;
        ReportIds = reportIds;
        SchemaVersion = schemaVersion;
    }

    /// <summary>Where the state is, for messages: host, port and database, never the password.</summary>
    public string Description { get; }


    /// <summary>Names files in the reports; its key lives in meta, so ids stay the same from night to night and node to node.</summary>
    public Core.Privacy.ReportIdentity ReportIds { get; }

    /// <summary>The schema version after migrating (the highest migration applied).</summary>
    public int SchemaVersion { get; }

    /// <summary>
    /// Connects, migrates the database to this binary's schema (once, whichever node gets there first) and reads
    /// the report-id key (created by the first node). A database that does not exist yet is created when the role may.
    /// </summary>
    /// <exception cref="StateSchemaTooNewException">A newer ClassScan migrated the database; nothing was written.</exception>
    /// <exception cref="NpgsqlException">The server is unreachable, refused the login, or failed.</exception>
    public static PostgresStateStore Open(string connectionString, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        // Shows in pg_stat_activity, so an operator can tell the scan nodes' sessions from others.
        if (string.IsNullOrEmpty(builder.ApplicationName)) builder.ApplicationName = "classscan";
        // The SQLite store's durability (WAL, synchronous=NORMAL): a commit is safe from a killed node at once, and from
        // a server crash once the WAL writer flushes it (well under a second), which costs at most a rescan of the last
        // files. Waiting for the disk on every verdict instead made it 10-15 times slower (benchmarks, state-store). An
        // operator who wants every commit on disk sets synchronous_commit in Options, which is then left alone.
        // A complete listing's deletions or a full feed's last page touch every item of a drive in one statement: seconds
        // for a million items, past Npgsql's default of 30 s on a busy server. A value the operator set is kept.
        if (builder.CommandTimeout == DefaultCommandTimeoutSeconds) builder.CommandTimeout = LongCommandTimeoutSeconds;
        if (builder.Options?.Contains("synchronous_commit", StringComparison.Ordinal) != true)
            builder.Options = (builder.Options is { Length: > 0 } o ? o + " " : "") + "-c synchronous_commit=off";
        var description = Describe(builder);
        var dataSource = NpgsqlDataSource.Create(builder);
        try
        {
            using var conn = OpenCreatingDatabase(dataSource, builder);
            var version = PostgresMigrations.Apply(conn, description) is { Count: > 0 } ? PostgresMigrations.Latest : PostgresMigrations.AppliedVersion(conn);
            Exec(conn, null, "INSERT INTO meta(key, value) VALUES('report_key', @k) ON CONFLICT(key) DO NOTHING",
                Text("k", Core.Privacy.ReportIdentity.NewKey()));
            var key = (string)Scalar(conn, null, "SELECT value FROM meta WHERE key='report_key'")!;
            return new PostgresStateStore(dataSource, description, time, Core.Privacy.ReportIdentity.FromStoredKey(key), version);
        }
        catch
        {
            dataSource.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Looks at the database without changing it, for doctor: the same checks a scan makes before it writes (it
    /// connects, reads the schema version and counts the items; no migration, no report key). A database or schema
    /// that does not exist yet is version 0 with no items (the first scan creates it).
    /// </summary>
    /// <exception cref="StateSchemaTooNewException">A newer ClassScan migrated the database.</exception>
    /// <exception cref="NpgsqlException">The server is unreachable, refused the login, or failed.</exception>
    /// <param name="connectionString">The state's connection string.</param>
    /// <param name="connectTimeoutSeconds">At most this long to connect (doctor: a firewall must cost seconds); null keeps the string's.</param>
    public static StateSummary Inspect(string connectionString, int? connectTimeoutSeconds = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        if (connectTimeoutSeconds is { } limit && (builder.Timeout == 0 || builder.Timeout > limit)) builder.Timeout = limit;
        if (string.IsNullOrEmpty(builder.ApplicationName)) builder.ApplicationName = "classscan doctor";
        using var conn = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            conn.Open();
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            return new StateSummary(0, 0);
        }
        var version = PostgresMigrations.AppliedVersion(conn);
        if (version > PostgresMigrations.Latest) throw new StateSchemaTooNewException(Describe(builder), version, PostgresMigrations.Latest, isDatabase: true);
        var items = version == 0 || Scalar(conn, null, "SELECT to_regclass('items') IS NOT NULL") is not true
            ? 0L
            : (long)Scalar(conn, null, "SELECT count(*) FROM items")!;
        return new StateSummary(version, items);
    }

    /// <summary>Host, port and database of a connection string, for messages and logs: never the password.</summary>
    internal static string Describe(NpgsqlConnectionStringBuilder b) =>
        $"PostgreSQL-databasen {b.Database ?? b.Username ?? "postgres"} på {b.Host ?? "localhost"}" + (b.Port != NpgsqlConnection.DefaultPort ? $":{b.Port}" : "");

    /// <summary>A first node on a fresh server finds no database: it creates it (in the maintenance database), and a
    /// node racing it to the same CREATE finds it made.</summary>
    private static NpgsqlConnection OpenCreatingDatabase(NpgsqlDataSource dataSource, NpgsqlConnectionStringBuilder builder)
    {
        try
        {
            return dataSource.OpenConnection();
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InvalidCatalogName && builder.Database is { Length: > 0 } name)
        {
            var maintenance = new NpgsqlConnectionStringBuilder(builder.ConnectionString) { Database = "postgres", Pooling = false };
            using (var admin = new NpgsqlConnection(maintenance.ConnectionString))
            {
                admin.Open();
                try
                {
                    // An identifier cannot be a parameter; quoting it (doubled quotes) keeps any name one identifier.
                    Exec(admin, null, $"CREATE DATABASE \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"");
                }
                catch (PostgresException race) when (race.SqlState == PostgresErrorCodes.DuplicateDatabase)
                {
                }
            }
            return dataSource.OpenConnection();
        }
    }

    public void Dispose() => db.Dispose();

    /// <inheritdoc/>
    public Core.Scanning.OutputWriteException? AsWriteFailure(Exception ex) => PostgresFailure.AsWriteFailure(ex, Description);

    /// <summary>A --state value as an Npgsql connection string when it names a PostgreSQL database (key=value pairs with
    /// Host or Server, or a postgresql:// URI), or null when it is a file path (the SQLite store's).</summary>
    /// <exception cref="FormatException">It looks like a connection but cannot be read (Swedish, without the password).</exception>
    public static string? ConnectionStringFrom(string stateValue) => PostgresConnectionString.From(stateValue);

    /// <summary>Where a connection string points, for messages: "PostgreSQL-databasen classscan på db1:5433", never the
    /// password; "PostgreSQL (ogiltig anslutningssträng)" when it cannot be read.</summary>
    public static string Describe(string connectionString)
    {
        try
        {
            return Describe(new NpgsqlConnectionStringBuilder(connectionString));
        }
        catch (ArgumentException)
        {
            return "PostgreSQL (ogiltig anslutningssträng)";
        }
    }

    /// <summary>
    /// What <see cref="Open"/> threw, in Swedish for one line (the server's words and SQLSTATE in parentheses, never the
    /// password), and whether the server is unavailable (unreachable, shutting down, full: a later run may work) rather
    /// than misconfigured (login refused, invalid connection string). False when it is not a PostgreSQL failure.
    /// </summary>
    public static bool TryDescribeFailure(Exception ex, out string cause, out bool unavailable)
    {
        (cause, unavailable) = PostgresFailure.Describe(ex) ?? ("", false);
        return cause.Length > 0;
    }

    /// <summary>Starts a run in the history and returns its id.</summary>
    public long BeginRun(string source, string? description) =>
        Read(conn => (long)Scalar(conn, null, "INSERT INTO runs(started_at, source, description) VALUES(@t, @s, @d) RETURNING id",
            TimeParam("t", Now()), Text("s", source), Text("d", description))!);

    /// <summary>Closes a run in the history with its totals.</summary>
    public void FinishRun(long runId, RunRecord totals) =>
        Read(conn => Exec(conn, null, """
            UPDATE runs SET finished_at=@t, complete=@c, incomplete_reason=@r, files=@files, must_leave=@ml,
              listed=@listed, unchanged=@unchanged, queued=@queued, deleted=@deleted, skipped=@skipped,
              requests=@req, throttled=@thr, retries=@ret, downloads=@dl, resyncs=@rs,
              newly_flagged=@nf, no_longer_flagged=@nl, still_flagged=@sf
            WHERE id=@id
            """,
            TimeParam("t", Now()), Bool("c", totals.Complete), Text("r", totals.IncompleteReason), Bigint("files", totals.Files), Bigint("ml", totals.MustLeave),
            Bigint("listed", totals.Listed), Bigint("unchanged", totals.Unchanged), Bigint("queued", totals.Queued), Bigint("deleted", totals.Deleted),
            Bigint("skipped", totals.Skipped), Bigint("req", totals.Requests), Bigint("thr", totals.Throttled), Bigint("ret", totals.Retries),
            Bigint("dl", totals.Downloads), Bigint("rs", totals.Resyncs), Bigint("nf", totals.NewlyFlagged), Bigint("nl", totals.NoLongerFlagged),
            Bigint("sf", totals.StillFlagged), Bigint("id", runId)));

    /// <summary>The run history, newest first.</summary>
    public IReadOnlyList<RunRecord> GetRuns(int max) => Read(conn =>
    {
        using var cmd = Command(conn, null, "SELECT * FROM runs ORDER BY id DESC LIMIT @n", Int("n", max));
        using var r = cmd.ExecuteReader();
        var list = new List<RunRecord>();
        while (r.Read())
        {
            list.Add(new RunRecord
            {
                Id = r.GetInt64(r.GetOrdinal("id")),
                StartedAt = Time(r, "started_at")!.Value,
                FinishedAt = Time(r, "finished_at"),
                Source = Str(r, "source") ?? "",
                Description = Str(r, "description"),
                Complete = Bool(r, "complete"),
                IncompleteReason = Str(r, "incomplete_reason"),
                Files = Long(r, "files") ?? 0,
                MustLeave = Long(r, "must_leave") ?? 0,
                Listed = Long(r, "listed") ?? 0,
                Unchanged = Long(r, "unchanged") ?? 0,
                Queued = Long(r, "queued") ?? 0,
                Deleted = Long(r, "deleted") ?? 0,
                Skipped = Long(r, "skipped") ?? 0,
                Requests = Long(r, "requests") ?? 0,
                Throttled = Long(r, "throttled") ?? 0,
                Retries = Long(r, "retries") ?? 0,
                Downloads = Long(r, "downloads") ?? 0,
                Resyncs = Long(r, "resyncs") ?? 0,
                NewlyFlagged = Long(r, "newly_flagged") ?? 0,
                NoLongerFlagged = Long(r, "no_longer_flagged") ?? 0,
                StillFlagged = Long(r, "still_flagged") ?? 0,
            });
        }
        return list;
    });

    /// <summary>Records a scope (a drive or a local root) with the label that prefixes its paths in reports.</summary>
    public void UpsertScope(ScopeRecord scope, long runId) =>
        Read(conn => Exec(conn, null, """
            INSERT INTO scopes(scope, kind, label, web_url, last_run_id) VALUES(@s, @k, @l, @w, @run)
            ON CONFLICT(scope) DO UPDATE SET kind=excluded.kind, label=coalesce(excluded.label, scopes.label),
              web_url=coalesce(excluded.web_url, scopes.web_url), last_run_id=excluded.last_run_id
            """, Text("s", scope.Scope), Text("k", scope.Kind), Text("l", scope.Label), Text("w", scope.WebUrl), Bigint("run", runId)));

    /// <summary>Every scope the state knows, ordered by scope id byte for byte (COLLATE "C", as ordinal).</summary>
    public IReadOnlyList<ScopeRecord> GetScopes() => Read(conn =>
    {
        using var cmd = Command(conn, null, """SELECT scope, kind, label, web_url, last_run_id FROM scopes ORDER BY scope COLLATE "C" """);
        using var r = cmd.ExecuteReader();
        var list = new List<ScopeRecord>();
        while (r.Read())
            list.Add(new ScopeRecord(Str(r, "scope")!, Str(r, "kind")!, Str(r, "label"), Str(r, "web_url")) { LastRunId = Long(r, "last_run_id") });
        return list;
    });

    /// <summary>A server setting as the store's sessions see it (tests: synchronous_commit).</summary>
    internal string? Setting(string name) => Read(conn => Scalar(conn, null, "SELECT current_setting(@n)", Text("n", name)) as string);

    private DateTimeOffset Now() => time.GetUtcNow();

    /// <summary>One pooled connection for the call (reads, and single-statement writes, which are their own transaction).</summary>
    private T Read<T>(Func<NpgsqlConnection, T> work)
    {
        using var conn = db.OpenConnection();
        return work(conn);
    }

    /// <summary>Several statements in one transaction, committed before returning.</summary>
    private void Write(Action<NpgsqlConnection, NpgsqlTransaction> work)
    {
        using var conn = db.OpenConnection();
        using var tx = conn.BeginTransaction();
        work(conn, tx);
        tx.Commit();
    }

    /// <summary>Statements that need no answer between them, sent in one round trip: a batch without an explicit
    /// transaction is one implicit transaction (a failing statement rolls back the ones before it).</summary>
    private void WriteBatch(params (string Sql, NpgsqlParameter[] Args)[] statements)
    {
        using var conn = db.OpenConnection();
        using var batch = new NpgsqlBatch(conn);
        foreach (var (sql, args) in statements)
        {
            var cmd = new NpgsqlBatchCommand(sql);
            cmd.Parameters.AddRange(args);
            batch.BatchCommands.Add(cmd);
        }
        batch.ExecuteNonQuery();
    }

    private static NpgsqlCommand Command(NpgsqlConnection conn, NpgsqlTransaction? tx, string sql, params NpgsqlParameter[] args)
    {
        var cmd = new NpgsqlCommand(sql, conn, tx);
        cmd.Parameters.AddRange(args);
        return cmd;
    }

    private static int Exec(NpgsqlConnection conn, NpgsqlTransaction? tx, string sql, params NpgsqlParameter[] args)
    {
        using var cmd = Command(conn, tx, sql, args);
        return cmd.ExecuteNonQuery();
    }

    private static object? Scalar(NpgsqlConnection conn, NpgsqlTransaction? tx, string sql, params NpgsqlParameter[] args)
    {
        using var cmd = Command(conn, tx, sql, args);
        var v = cmd.ExecuteScalar();
        return v is DBNull ? null : v;
    }

    // Typed parameters: a null then still has a type, so "coalesce(@w, web_url)" and unnest(@a) never guess.
    private static NpgsqlParameter Text(string name, string? value) => new(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value };
    private static NpgsqlParameter Bigint(string name, long? value) => new(name, NpgsqlDbType.Bigint) { Value = (object?)value ?? DBNull.Value };
    private static NpgsqlParameter Int(string name, int? value) => new(name, NpgsqlDbType.Integer) { Value = (object?)value ?? DBNull.Value };
    private static NpgsqlParameter Bool(string name, bool value) => new(name, NpgsqlDbType.Boolean) { Value = value };
    private static NpgsqlParameter TimeParam(string name, DateTimeOffset? value) =>
        new(name, NpgsqlDbType.TimestampTz) { Value = value is { } t ? t.ToUniversalTime() : DBNull.Value };
    private static NpgsqlParameter TextArray(string name, IEnumerable<string?> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values.ToArray() };
    private static NpgsqlParameter BigintArray(string name, IEnumerable<long?> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = values.ToArray() };
    private static NpgsqlParameter TimeArray(string name, IEnumerable<DateTimeOffset?> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = values.Select(v => v?.UtcDateTime).ToArray() };

    private static string? Str(NpgsqlDataReader r, string column)
    {
        var i = r.GetOrdinal(column);
        return r.IsDBNull(i) ? null : r.GetString(i);
    }

    private static long? Long(NpgsqlDataReader r, string column)
    {
        var i = r.GetOrdinal(column);
        return r.IsDBNull(i) ? null : Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture);
    }

    private static bool Bool(NpgsqlDataReader r, string column)
    {
        var i = r.GetOrdinal(column);
        return !r.IsDBNull(i) && r.GetBoolean(i);
    }

    private static DateTimeOffset? Time(NpgsqlDataReader r, string column)
    {
        var i = r.GetOrdinal(column);
        return r.IsDBNull(i) ? null : r.GetFieldValue<DateTimeOffset>(i);
    }
}
