using System.Globalization;
using ClassScan.State.Work;
using Microsoft.Data.Sqlite;

namespace ClassScan.State.Sqlite;

/// <summary>
/// <c>classscan status</c> against a SQLite state (one node): the last run from the history, drives as units
/// (those the last run covered; done when their delta link was committed during it, held while their feed is
/// staged), files judged, the verdicts of the last minutes and the staged files still waiting. Opens the file read
/// only and leaves its lock file alone, so a running scan is neither blocked nor refused. Throws
/// <see cref="FileNotFoundException"/> when there is no state and the SQLite exception when it cannot be read.
/// </summary>
public sealed class SqliteStatusReader(string path, TimeProvider? clock = null) : IScanStatusReader
{
    private readonly TimeProvider time = clock ?? TimeProvider.System;

    public Task<ScanStatus> ReadAsync(TimeSpan window, CancellationToken ct)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full)) throw new FileNotFoundException("inget tillstånd", full);
        using var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = full, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        db.Open();
        using (var busy = db.CreateCommand())
        {
            busy.CommandText = "PRAGMA busy_timeout=5000";
            busy.ExecuteNonQuery();
        }
        var now = time.GetUtcNow();
        (long Id, DateTimeOffset Started, DateTimeOffset? Finished, bool? Complete)? last = null;
        using (var cmd = db.CreateCommand())
        {
            cmd.CommandText = "SELECT id, started_at, finished_at, complete FROM runs ORDER BY id DESC LIMIT 1";
            using var r = cmd.ExecuteReader();
            if (r.Read())
                last = (r.GetInt64(0), Parse(r.GetString(1)), r.IsDBNull(2) ? null : Parse(r.GetString(2)), r.IsDBNull(3) ? null : r.GetInt64(3) != 0);
        }
        int total = 0, done = 0, held = 0;
        if (last is { } run)
        {
            using var cmd = db.CreateCommand();
            cmd.CommandText = """
                SELECT count(*),
                       coalesce(sum(CASE WHEN delta_committed_at >= $started THEN 1 ELSE 0 END), 0),
                       coalesce(sum(CASE WHEN feed_started = 1 THEN 1 ELSE 0 END), 0)
                FROM scopes WHERE last_run_id = $run
                """;
            cmd.Parameters.AddWithValue("$run", run.Id);
            cmd.Parameters.AddWithValue("$started", run.Started.ToString("O", CultureInfo.InvariantCulture));
            using var r = cmd.ExecuteReader();
            r.Read();
            (total, done, held) = (r.GetInt32(0), r.GetInt32(1), r.GetInt32(2));
        }
        long judged, recent, staged;
        using (var cmd = db.CreateCommand())
        {
            cmd.CommandText = """
                SELECT (SELECT count(*) FROM items WHERE status IS NOT NULL AND deleted = 0),
                       (SELECT count(*) FROM items WHERE judged_at >= $since),
                       (SELECT count(*) FROM feed WHERE kind IN ('File', 'Package'))
                """;
            cmd.Parameters.AddWithValue("$since", (now - window).ToString("O", CultureInfo.InvariantCulture));
            using var r = cmd.ExecuteReader();
            r.Read();
            (judged, recent, staged) = (r.GetInt64(0), r.GetInt64(1), r.GetInt64(2));
        }
        return Task.FromResult(new ScanStatus
        {
            Now = now,
            Engine = "SQLite",
            UnitsTotal = total,
            UnitsDone = done,
            UnitsHeld = held,
            ItemsJudged = judged,
            JudgedRecently = recent,
            StagedLeft = staged,
            Window = window,
            LastRun = last,
        });
    }

    private static DateTimeOffset Parse(string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
