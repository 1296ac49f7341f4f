using ClassScan.Core.Scanning;
using Npgsql;

namespace ClassScan.State.Postgres;

public sealed partial class PostgresStateStore
{
    private const string GoneBeforeRead = "borttagen innan den hann läsas";

    /// <summary>The remembered items of one scope among <paramref name="itemIds"/> (a feed page's worth), in one round
    /// trip; ids the state does not know are absent from the answer.</summary>
    public IReadOnlyDictionary<string, ItemRecord> GetItems(string scope, IReadOnlyCollection<string> itemIds) => Read(conn =>
    {
        var found = new Dictionary<string, ItemRecord>(itemIds.Count, StringComparer.Ordinal);
        if (itemIds.Count == 0) return found;
        using var cmd = Command(conn, null, "SELECT * FROM items WHERE scope=@s AND item_id = ANY(@ids)", Text("s", scope), TextArray("ids", itemIds));
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var item = ReadItem(r);
            found[item.ItemId] = item;
        }
        return found;
    });

    /// <summary>The item a report id names, with its full path and web URL; null when the state does not know the id.</summary>
    public ReportedItem? FindReported(string reportId) => Read(conn => FindReported(conn, reportId));

    /// <summary>
    /// <see cref="FindReported(string)"/> for <c>classscan show</c>, without opening a store: one connection, reads only
    /// (no migration, no report key), so it works beside running nodes and never changes the state. A database without
    /// the schema yet knows no id.
    /// </summary>
    /// <exception cref="StateSchemaTooNewException">A newer ClassScan migrated the database.</exception>
    /// <exception cref="NpgsqlException">The server is unreachable, refused the login, or failed.</exception>
    public static ReportedItem? FindReported(string connectionString, string reportId)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        using var conn = new NpgsqlConnection(builder.ConnectionString);
        conn.Open();
        var version = PostgresMigrations.AppliedVersion(conn);
        if (version > PostgresMigrations.Latest) throw new StateSchemaTooNewException(Describe(builder), version, PostgresMigrations.Latest, isDatabase: true);
        return version == 0 ? null : FindReported(conn, reportId);
    }

    private static ReportedItem? FindReported(NpgsqlConnection conn, string reportId)
    {
        using var cmd = Command(conn, null, """
            SELECT i.*, s.label AS scope_label FROM items i LEFT JOIN scopes s ON s.scope = i.scope WHERE i.report_id = @id LIMIT 1
            """, Text("id", reportId.ToLowerInvariant()));
        using var r = cmd.ExecuteReader();
        if (!r.Read()) return null;
        return new ReportedItem(reportId, Str(r, "scope")!, Shown(Str(r, "scope_label"), Str(r, "path") ?? Str(r, "item_id")), Str(r, "web_url"))
        {
            Status = Str(r, "status"),
            Level = (int?)Long(r, "level"),
            Reason = Str(r, "reason"),
            JudgedAt = Time(r, "judged_at"),
            Deleted = Bool(r, "deleted"),
        };
    }

    /// <summary>Items whose last attempt failed in a way worth retrying (download cut, throttled out, timeout).</summary>
    public IReadOnlyList<ItemRecord> GetRetryItems(string scope) => Read(conn =>
    {
        using var cmd = Command(conn, null, """SELECT * FROM items WHERE scope=@s AND retry AND NOT deleted ORDER BY item_id COLLATE "C" """, Text("s", scope));
        using var r = cmd.ExecuteReader();
        var list = new List<ItemRecord>();
        while (r.Read()) list.Add(ReadItem(r));
        return list;
    });

    /// <summary>
    /// The listings match content already judged: refresh location and fingerprint, keep the verdict, and drop the
    /// staging rows of feed listings, for a page's worth of items in one transaction and one round trip (unnest of one
    /// array per column). An item listed twice keeps its last listing.
    /// </summary>
    public void MarkUnchanged(IReadOnlyList<TrackedItem> listings)
    {
        if (listings.Count == 0) return;
        var last = listings.GroupBy(l => (l.Scope, l.ItemId)).Select(g => g.Last()).ToList();
        var fromFeed = last.Where(l => l.FromFeed).ToList();
        var update = ("""
            UPDATE items i SET parent_id=u.p, name=u.n, path=u.path, web_url=coalesce(u.w, i.web_url),
              last_modified_by=coalesce(u.lmb, i.last_modified_by), ctag=coalesce(u.ctag, i.ctag), etag=coalesce(u.etag, i.etag),
              qxhash=coalesce(u.qx, i.qxhash), sha256=coalesce(u.sha, i.sha256), size=coalesce(u.size, i.size),
              last_modified=coalesce(u.lm, i.last_modified), deleted=false, gone_reason=NULL, deleted_at=NULL
            FROM unnest(@s, @i, @p, @n, @path, @w, @lmb, @ctag, @etag, @qx, @sha, @size, @lm)
              AS u(s, i, p, n, path, w, lmb, ctag, etag, qx, sha, size, lm)
            WHERE i.scope = u.s AND i.item_id = u.i
            """, new[]
        {
            TextArray("s", last.Select(l => l.Scope)), TextArray("i", last.Select(l => l.ItemId)), TextArray("p", last.Select(l => l.ParentId)),
            TextArray("n", last.Select(l => l.Name)), TextArray("path", last.Select(l => l.Path)), TextArray("w", last.Select(l => l.WebUrl)),
            TextArray("lmb", last.Select(l => l.LastModifiedBy)), TextArray("ctag", last.Select(l => l.Fingerprint.CTag)),
            TextArray("etag", last.Select(l => l.Fingerprint.ETag)), TextArray("qx", last.Select(l => l.Fingerprint.QuickXorHash)),
            TextArray("sha", last.Select(l => l.Fingerprint.Sha256 ?? l.Sha256)), BigintArray("size", last.Select(l => l.Fingerprint.Size)),
            TimeArray("lm", last.Select(l => l.Fingerprint.LastModified)),
        });
        if (fromFeed.Count == 0) WriteBatch(update);
        else WriteBatch(update, RemoveFeedRows(fromFeed.Select(l => (l.Scope, l.ItemId))));
    }

    /// <summary>
    /// Records a verdict for a tracked item (and drops its staging row) in one transaction and one round trip. A
    /// successful verdict sets the flag; a failed one keeps the earlier flag, so a file that was flagged stays on the
    /// list until it is judged again or deleted (a throttling storm must not clear a flag). A fetch failure is
    /// retried next run. judged_count goes up by one per verdict recorded.
    /// </summary>
    public void RecordVerdict(TrackedItem t, ScanResult result, long runId)
    {
        var fp = t.Fingerprint;
        var ok = result.Status == ScanStatus.Ok;
        // Extractor is null when the file never reached a parser: download failed, timed out, or listing failed.
        var retry = !t.Gone && t.RetryOnError && result.Status == ScanStatus.Error && result.Extractor is null;
        var level = result.Classification is { } c ? (int?)c.Level : null;
        var now = Now();
        var upsert = ("""
            INSERT INTO items(scope, item_id, parent_id, name, path, web_url, last_modified_by,
              ctag, etag, qxhash, sha256, size, last_modified,
              status, level, must_leave, reason, rule, judged_at, run_id, retry,
              flagged, flag_level, flag_reason, deleted, gone_reason, deleted_at, report_id, judged_count)
            VALUES(@s, @i, @p, @n, @path, @w, @lmb, @ctag, @etag, @qx, @sha, @size, @lm,
              @status, @level, @ml, @reason, @rule, @now, @run, @retry,
              @flagged, @flevel, @freason, @deleted, @gone, @delat, @rid, 1)
            ON CONFLICT(scope, item_id) DO UPDATE SET
              parent_id=excluded.parent_id, name=excluded.name, path=excluded.path,
              web_url=coalesce(excluded.web_url, items.web_url), last_modified_by=coalesce(excluded.last_modified_by, items.last_modified_by),
              ctag=excluded.ctag, etag=excluded.etag, qxhash=excluded.qxhash, sha256=excluded.sha256,
              size=excluded.size, last_modified=excluded.last_modified,
              status=excluded.status, level=excluded.level, must_leave=excluded.must_leave, reason=excluded.reason,
              rule=excluded.rule, judged_at=excluded.judged_at, run_id=excluded.run_id, retry=excluded.retry,
              flagged=CASE WHEN @settles THEN excluded.flagged ELSE items.flagged END,
              flag_level=CASE WHEN @ok THEN excluded.flag_level ELSE items.flag_level END,
              flag_reason=CASE WHEN @ok THEN excluded.flag_reason ELSE items.flag_reason END,
              deleted=excluded.deleted, gone_reason=excluded.gone_reason, deleted_at=excluded.deleted_at,
              report_id=excluded.report_id, judged_count=items.judged_count + 1
            """, new[]
        {
            Text("s", t.Scope), Text("i", t.ItemId), Text("p", t.ParentId), Text("n", t.Name), Text("path", t.Path), Text("w", t.WebUrl),
            Text("lmb", t.LastModifiedBy), Text("ctag", fp.CTag), Text("etag", fp.ETag), Text("qx", fp.QuickXorHash),
            Text("sha", t.Sha256 ?? fp.Sha256), Bigint("size", fp.Size), TimeParam("lm", fp.LastModified),
            Text("status", result.Status.ToReportName()), Int("level", level), Bool("ml", result.MustLeave),
            Text("reason", result.Classification?.Reason ?? result.StatusDetail), Text("rule", result.Classification?.RuleId),
            TimeParam("now", now), Bigint("run", runId), Bool("retry", retry),
            Bool("flagged", ok && result.MustLeave), Int("flevel", ok ? level : null), Text("freason", ok ? result.Classification?.Reason : null),
            Bool("deleted", t.Gone), Text("gone", t.Gone ? GoneBeforeRead : null), TimeParam("delat", t.Gone ? now : null),
            Bool("settles", ok || t.Gone), Bool("ok", ok), Text("rid", ReportIds.Of(result.Item.Id)),
        });
        if (t.FromFeed) WriteBatch(upsert, RemoveFeedRows([(t.Scope, t.ItemId)]));
        else WriteBatch(upsert);
    }

    /// <summary>Marks items that a complete listing of the scope no longer contains as deleted, in one statement
    /// (the SQLite store reads the live items and writes them one by one).</summary>
    /// <param name="scope">The scope listed.</param>
    /// <param name="seen">Item ids the listing returned.</param>
    /// <param name="unlisted">Path prefixes the listing could not read (unreadable folders): their items are kept.</param>
    /// <param name="reason">Why the items count as gone.</param>
    public int MarkMissing(string scope, IReadOnlySet<string> seen, IReadOnlyList<string> unlisted, string reason) =>
        Read(conn => Exec(conn, null, """
            UPDATE items i SET deleted=true, flagged=false, retry=false, gone_reason=@r, deleted_at=@t
            FROM (SELECT item_id FROM items WHERE scope=@s AND NOT deleted EXCEPT SELECT unnest(@seen)) g
            WHERE i.scope=@s AND i.item_id=g.item_id
              AND NOT EXISTS (SELECT 1 FROM unnest(@unlisted) u(prefix)
                WHERE length(i.path) > length(u.prefix) AND left(i.path, length(u.prefix)) = u.prefix
                  AND substr(i.path, length(u.prefix) + 1, 1) IN ('/', '\'))
            """, Text("r", reason), TimeParam("t", Now()), Text("s", scope), TextArray("seen", seen), TextArray("unlisted", unlisted)));

    private static (string, NpgsqlParameter[]) RemoveFeedRows(IEnumerable<(string Scope, string ItemId)> rows)
    {
        var list = rows.ToList();
        return ("DELETE FROM feed f USING unnest(@fs, @fi) AS d(s, i) WHERE f.scope = d.s AND f.item_id = d.i",
            [TextArray("fs", list.Select(r => r.Scope)), TextArray("fi", list.Select(r => r.ItemId))]);
    }

    private static ItemRecord ReadItem(NpgsqlDataReader r) => new()
    {
        Scope = Str(r, "scope")!,
        ItemId = Str(r, "item_id")!,
        ParentId = Str(r, "parent_id"),
        Name = Str(r, "name"),
        Path = Str(r, "path"),
        WebUrl = Str(r, "web_url"),
        LastModifiedBy = Str(r, "last_modified_by"),
        Fingerprint = new ItemFingerprint(Str(r, "ctag"), Str(r, "etag"), Str(r, "qxhash"), Str(r, "sha256"), Long(r, "size"), Time(r, "last_modified")),
        Status = Str(r, "status"),
        Level = (int?)Long(r, "level"),
        Retry = Bool(r, "retry"),
        Flagged = Bool(r, "flagged"),
        Deleted = Bool(r, "deleted"),
        JudgedCount = (int)(Long(r, "judged_count") ?? 0),
    };
}
