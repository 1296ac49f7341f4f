using System.Globalization;
using ClassScan.Core.Scanning;
using Microsoft.Data.Sqlite;

namespace ClassScan.State.Sqlite;

/// <summary>
/// The durable memory of nightly scans: one SQLite file with every item's location, content fingerprint and
/// last verdict, each drive's delta link and staged feed, folder tree, and the run history.
/// Thread-safe: one connection behind a lock (the enumerate and report stages both write, briefly).
/// Every write is its own transaction, committed before the call returns, so a killed process loses at most
/// the verdict it was writing. WAL with synchronous=NORMAL survives a process kill (not a power cut, which
/// costs at most a rescan of the last files). A lock file next to the database keeps a second scan out.
/// The single-node engine behind the ports; the PostgreSQL engine uses the same table and column names.
/// </summary>
public sealed partial class SqliteStateStore : IScanStateStore
{
    // 2: items.report_id and the report-id key in meta. 3: items.judged_count (verdicts recorded per item).
    internal const int SchemaVersion = 3;

    private readonly SqliteConnection db;
    private readonly FileStream lockFile;
    private readonly Lock gate = new();
    private readonly TimeProvider time;

    private SqliteStateStore(string path, SqliteConnection db, FileStream lockFile, TimeProvider time)
    {
        FilePath = path;
        this.db = db;
        this.lockFile = lockFile;
        this.time = time;
        ReportIds = ReadReportIdentity(db);
    }

    public string FilePath { get; }

    /// <inheritdoc/>
    public Core.Privacy.ReportIdentity ReportIds { get; }

    /// <inheritdoc/>
    public OutputWriteException? AsWriteFailure(Exception ex) => StateWriteFailure.From(ex, FilePath);

    /// <summary>Opens or creates the state file. Throws <see cref="StateInUseException"/> when another scan has it,
    /// <see cref="StateCorruptException"/> when it is damaged and <see cref="StateSchemaTooNewException"/> when a newer
    /// ClassScan wrote it.</summary>
    public static SqliteStateStore Open(string path, TimeProvider? time = null) => Open(path, time, recover: false, out _);

    /// <summary>
    /// Opens or creates the state file; a damaged one is moved aside (to <c>NAME.corrupt-yyyyMMdd-HHmmss</c>, with
    /// its -wal/-shm companions) and replaced by a fresh, empty state. A nightly job must not fail every night
    /// until a person intervenes: the state is only a cache of verdicts, and an empty one makes the run read
    /// every file, so the reports stay complete. <paramref name="recovery"/> says when that happened, so the
    /// caller can say so loudly. A newer schema is not damage and is still refused, untouched.
    /// </summary>
    public static SqliteStateStore OpenOrRecover(string path, out StateRecovery? recovery, TimeProvider? time = null) =>
        Open(path, time, recover: true, out recovery);

    private static SqliteStateStore Open(string path, TimeProvider? time, bool recover, out StateRecovery? recovery)
    {
        recovery = null;
        time ??= TimeProvider.System;
        path = System.IO.Path.GetFullPath(path);
        var dir = System.IO.Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        FileStream lockFile;
        try
        {
            // FileShare.None takes an exclusive advisory lock (flock on Unix); the OS drops it when the process dies.
            lockFile = new FileStream(path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex) when (!OutputWriteException.IsReadOnly(ex) && !OutputWriteException.IsDiskFull(ex))
        {
            // Taken by another scan. A read-only or full folder is not: that propagates for the caller to name.
            throw new StateInUseException(path);
        }

        try
        {
            SqliteConnection db;
            try
            {
                db = Connect(path);
            }
            catch (StateCorruptException ex) when (recover)
            {
                // Moved while we still hold the lock file, so no other scan can open the damaged file meanwhile.
                recovery = new StateRecovery(MoveAside(path, time), ex.Reason);
                db = Connect(path);
            }
            return new SqliteStateStore(path, db, lockFile, time);
        }
        catch
        {
            lockFile.Dispose();
            throw;
        }
    }

    /// <summary>Opens the database, checks it before writing anything, then migrates it.</summary>
    private static SqliteConnection Connect(string path)
    {
        var db = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false, // close the file on Dispose (temp folders, and the -wal file is checkpointed away)
        }.ToString());
        try
        {
            db.Open();
            Check(db, path);
            Migrate(db);
            return db;
        }
        catch (SqliteException ex) when (IsCorruption(ex))
        {
            db.Dispose();
            throw new StateCorruptException(path, $"SQLite-fel {ex.SqliteErrorCode}: {ex.Message}", ex);
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    // SQLITE_CORRUPT (11) and SQLITE_NOTADB (26); the low byte is the primary code of an extended one.
    private static bool IsCorruption(SqliteException ex) => (ex.SqliteErrorCode & 0xFF) is 11 or 26;

    /// <summary>
    /// Reads only: quick_check walks every page (seconds even for a large state, once a night) so damage is found
    /// at the start, where a fresh state still lets the run be complete, not halfway through the report stage.
    /// The schema version is read before any write, so a newer ClassScan's file is left byte for byte as it was.
    /// </summary>
    private static void Check(SqliteConnection db, string path)
    {
        Exec(db, null, "PRAGMA busy_timeout=10000;");
        var problems = new List<string>();
        using (var cmd = Command(db, null, "PRAGMA quick_check(5)"))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read()) problems.Add(r.GetString(0).ReplaceLineEndings(" ").Trim()); // one line: it goes into a log line and a banner
        }
        if (problems is not ["ok"])
            throw new StateCorruptException(path, "integritetskontrollen (quick_check) hittade fel: " + string.Join("; ", problems));
        if (Scalar(db, null, "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='meta'") is not (long and > 0)) return;
        var version = Scalar(db, null, "SELECT value FROM meta WHERE key='schema_version'");
        if (version is null) return;
        if (!int.TryParse(Convert.ToString(version, CultureInfo.InvariantCulture), NumberStyles.None, CultureInfo.InvariantCulture, out var found))
            throw new StateCorruptException(path, $"ogiltig schemaversion '{version}'");
        if (found > SchemaVersion) throw new StateSchemaTooNewException(path, found, SchemaVersion);
    }

    /// <summary>Renames the damaged file and its companions; returns the new name of the main file.</summary>
    private static string MoveAside(string path, TimeProvider time)
    {
        var stamp = time.GetLocalNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var target = $"{path}.corrupt-{stamp}";
        // Two recoveries within a second (a retry loop) must not overwrite the first file kept for inspection.
        for (var n = 2; File.Exists(target); n++) target = $"{path}.corrupt-{stamp}-{n}";
        File.Move(path, target);
        foreach (var companion in new[] { "-wal", "-shm", "-journal" })
            if (File.Exists(path + companion)) File.Move(path + companion, target + companion);
        return target;
    }

    public void Dispose()
    {
        lock (gate)
        {
            db.Dispose();
        }
        lockFile.Dispose();
    }

    private static void Migrate(SqliteConnection db)
    {
        Exec(db, null, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;");
        Exec(db, null, "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT)");
        // Check has already refused a newer schema, before this first write.
        using var tx = db.BeginTransaction();
        Exec(db, tx, """
            CREATE TABLE IF NOT EXISTS scopes(
              scope TEXT PRIMARY KEY, kind TEXT NOT NULL, label TEXT, web_url TEXT,
              delta_link TEXT, delta_committed_at TEXT,
              feed_started INTEGER NOT NULL DEFAULT 0, feed_full INTEGER NOT NULL DEFAULT 0,
              feed_next TEXT, feed_final TEXT, feed_started_at TEXT,
              last_run_id INTEGER);
            CREATE TABLE IF NOT EXISTS items(
              scope TEXT NOT NULL, item_id TEXT NOT NULL,
              parent_id TEXT, name TEXT, path TEXT, web_url TEXT, last_modified_by TEXT,
              ctag TEXT, etag TEXT, qxhash TEXT, sha256 TEXT, size INTEGER, last_modified TEXT,
              status TEXT, level INTEGER, must_leave INTEGER, reason TEXT, rule TEXT, judged_at TEXT, run_id INTEGER,
              retry INTEGER NOT NULL DEFAULT 0,
              flagged INTEGER NOT NULL DEFAULT 0, flag_level INTEGER, flag_reason TEXT,
              reported_flagged INTEGER NOT NULL DEFAULT 0, reported_path TEXT, reported_level INTEGER,
              deleted INTEGER NOT NULL DEFAULT 0, gone_reason TEXT, deleted_at TEXT,
              PRIMARY KEY(scope, item_id));
            CREATE INDEX IF NOT EXISTS ix_items_retry ON items(scope) WHERE retry = 1;
            CREATE INDEX IF NOT EXISTS ix_items_flag ON items(scope) WHERE flagged = 1 OR reported_flagged = 1;
            CREATE TABLE IF NOT EXISTS nodes(
              scope TEXT NOT NULL, node_id TEXT NOT NULL, parent_id TEXT, name TEXT NOT NULL, kind TEXT NOT NULL,
              path TEXT NOT NULL, web_url TEXT,
              PRIMARY KEY(scope, node_id));
            CREATE TABLE IF NOT EXISTS feed(
              scope TEXT NOT NULL, item_id TEXT NOT NULL, seq INTEGER NOT NULL, kind TEXT NOT NULL,
              parent_id TEXT, name TEXT, path_hint TEXT, web_url TEXT, last_modified_by TEXT, package_type TEXT,
              ctag TEXT, etag TEXT, qxhash TEXT, size INTEGER, last_modified TEXT,
              PRIMARY KEY(scope, item_id));
            CREATE INDEX IF NOT EXISTS ix_feed_seq ON feed(scope, seq);
            CREATE TABLE IF NOT EXISTS runs(
              id INTEGER PRIMARY KEY AUTOINCREMENT, started_at TEXT NOT NULL, finished_at TEXT,
              source TEXT NOT NULL, description TEXT, complete INTEGER, incomplete_reason TEXT,
              files INTEGER, must_leave INTEGER,
              listed INTEGER, unchanged INTEGER, queued INTEGER, deleted INTEGER, skipped INTEGER,
              requests INTEGER, throttled INTEGER, retries INTEGER, downloads INTEGER, resyncs INTEGER,
              newly_flagged INTEGER, no_longer_flagged INTEGER, still_flagged INTEGER);
            """);
        if (Scalar(db, tx, "SELECT count(*) FROM pragma_table_info('items') WHERE name='report_id'") is 0L)
            Exec(db, tx, "ALTER TABLE items ADD COLUMN report_id TEXT");
        if (Scalar(db, tx, "SELECT count(*) FROM pragma_table_info('items') WHERE name='judged_count'") is 0L)
        {
            // A version 2 file does not know how often its items were judged; a judged item was judged at least once.
            Exec(db, tx, "ALTER TABLE items ADD COLUMN judged_count INTEGER NOT NULL DEFAULT 0");
            Exec(db, tx, "UPDATE items SET judged_count = 1 WHERE status IS NOT NULL");
        }
        Exec(db, tx, "CREATE INDEX IF NOT EXISTS ix_items_report ON items(report_id)");
        // The reports' reading order (GetCarriedResults), so its pages continue one index scan instead of each sorting the table.
        Exec(db, tx, "CREATE INDEX IF NOT EXISTS ix_items_order ON items(scope, coalesce(path, ''), item_id)");
        Exec(db, tx, "INSERT INTO meta(key, value) VALUES('report_key', $k) ON CONFLICT(key) DO NOTHING", ("$k", Core.Privacy.ReportIdentity.NewKey()));
        // Items judged before report ids existed, and never judged again since (unchanged files), get theirs now.
        var ids = ReadReportIdentity(db, tx);
        db.CreateFunction("classscan_report_id", (string? kind, string scope, string itemId) => ids.Of(ScopeRecord.SourceItemId(kind, scope, itemId)));
        Exec(db, tx, "UPDATE items SET report_id = classscan_report_id((SELECT kind FROM scopes WHERE scopes.scope = items.scope), scope, item_id) WHERE report_id IS NULL");
        Exec(db, tx, "INSERT INTO meta(key, value) VALUES('schema_version', $v) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            ("$v", SchemaVersion.ToString(CultureInfo.InvariantCulture)));
        tx.Commit();
    }

    private static Core.Privacy.ReportIdentity ReadReportIdentity(SqliteConnection db, SqliteTransaction? tx = null) =>
        Core.Privacy.ReportIdentity.FromStoredKey((string)Scalar(db, tx, "SELECT value FROM meta WHERE key='report_key'")!);

    /// <inheritdoc/>
    public long BeginRun(string source, string? description)
    {
        lock (gate)
        {
            return (long)Scalar(db, null, "INSERT INTO runs(started_at, source, description) VALUES($t, $s, $d) RETURNING id",
                ("$t", Now()), ("$s", source), ("$d", description))!;
        }
    }

    /// <inheritdoc/>
    public void FinishRun(long runId, RunRecord totals)
    {
        lock (gate)
        {
            Exec(db, null, """
                UPDATE runs SET finished_at=$t, complete=$c, incomplete_reason=$r, files=$files, must_leave=$ml,
                  listed=$listed, unchanged=$unchanged, queued=$queued, deleted=$deleted, skipped=$skipped,
                  requests=$req, throttled=$thr, retries=$ret, downloads=$dl, resyncs=$rs,
                  newly_flagged=$nf, no_longer_flagged=$nl, still_flagged=$sf
                WHERE id=$id
                """,
                ("$t", Now()), ("$c", totals.Complete ? 1 : 0), ("$r", totals.IncompleteReason), ("$files", totals.Files), ("$ml", totals.MustLeave),
                ("$listed", totals.Listed), ("$unchanged", totals.Unchanged), ("$queued", totals.Queued), ("$deleted", totals.Deleted),
                ("$skipped", totals.Skipped), ("$req", totals.Requests), ("$thr", totals.Throttled), ("$ret", totals.Retries),
                ("$dl", totals.Downloads), ("$rs", totals.Resyncs), ("$nf", totals.NewlyFlagged), ("$nl", totals.NoLongerFlagged),
                ("$sf", totals.StillFlagged), ("$id", runId));
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<RunRecord> GetRuns(int max)
    {
        lock (gate)
        {
            using var cmd = Command(db, null, "SELECT * FROM runs ORDER BY id DESC LIMIT $n", ("$n", max));
            using var r = cmd.ExecuteReader();
            var list = new List<RunRecord>();
            while (r.Read())
            {
                list.Add(new RunRecord
                {
                    Id = r.GetInt64(r.GetOrdinal("id")),
                    StartedAt = ParseTime(Str(r, "started_at"))!.Value,
                    FinishedAt = ParseTime(Str(r, "finished_at")),
                    Source = Str(r, "source") ?? "",
                    Description = Str(r, "description"),
                    Complete = Long(r, "complete") == 1,
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
        }
    }

    /// <inheritdoc/>
    public void UpsertScope(ScopeRecord scope, long runId)
    {
        lock (gate)
        {
            Exec(db, null, """
                INSERT INTO scopes(scope, kind, label, web_url, last_run_id) VALUES($s, $k, $l, $w, $run)
                ON CONFLICT(scope) DO UPDATE SET kind=excluded.kind, label=coalesce(excluded.label, scopes.label),
                  web_url=coalesce(excluded.web_url, scopes.web_url), last_run_id=excluded.last_run_id
                """, ("$s", scope.Scope), ("$k", scope.Kind), ("$l", scope.Label), ("$w", scope.WebUrl), ("$run", runId));
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<ScopeRecord> GetScopes()
    {
        lock (gate)
        {
            using var cmd = Command(db, null, "SELECT scope, kind, label, web_url, last_run_id FROM scopes ORDER BY scope");
            using var r = cmd.ExecuteReader();
            var list = new List<ScopeRecord>();
            while (r.Read())
                list.Add(new ScopeRecord(Str(r, "scope")!, Str(r, "kind")!, Str(r, "label"), Str(r, "web_url")) { LastRunId = Long(r, "last_run_id") });
            // SQLite orders TEXT by memcmp of UTF-8, which is ordinal order for valid strings; sorted again to promise it.
            list.Sort((a, b) => string.CompareOrdinal(a.Scope, b.Scope));
            return list;
        }
    }

    private string Now() => time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

    private void Write(Action<SqliteTransaction> work)
    {
        lock (gate)
        {
            using var tx = db.BeginTransaction();
            work(tx);
            tx.Commit();
        }
    }

    private static SqliteCommand Command(SqliteConnection db, SqliteTransaction? tx, string sql, params (string Name, object? Value)[] args)
    {
        var cmd = db.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var (name, value) in args) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return cmd;
    }

    private static int Exec(SqliteConnection db, SqliteTransaction? tx, string sql, params (string Name, object? Value)[] args)
    {
        using var cmd = Command(db, tx, sql, args);
        return cmd.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection db, SqliteTransaction? tx, string sql, params (string Name, object? Value)[] args)
    {
        using var cmd = Command(db, tx, sql, args);
        var v = cmd.ExecuteScalar();
        return v is DBNull ? null : v;
    }

    private static string? Str(SqliteDataReader r, string column)
    {
        var i = r.GetOrdinal(column);
        return r.IsDBNull(i) ? null : r.GetString(i);
    }

    private static long? Long(SqliteDataReader r, string column)
    {
        var i = r.GetOrdinal(column);
        return r.IsDBNull(i) ? null : r.GetInt64(i);
    }

    private static string? Time(DateTimeOffset? t) => t?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset? ParseTime(string? s) =>
        s is null ? null : DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
