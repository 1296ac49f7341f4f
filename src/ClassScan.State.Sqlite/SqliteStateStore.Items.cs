using System.Text.Json;
using ClassScan.Core.Scanning;
using Microsoft.Data.Sqlite;

namespace ClassScan.State.Sqlite;

public sealed partial class SqliteStateStore
{
    /// <summary>The remembered item, or null if it was never judged in this scope.</summary>
    public ItemRecord? GetItem(string scope, string itemId) => GetItems(scope, [itemId]).GetValueOrDefault(itemId);

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, ItemRecord> GetItems(string scope, IReadOnlyCollection<string> itemIds)
    {
        var found = new Dictionary<string, ItemRecord>(StringComparer.Ordinal);
        if (itemIds.Count == 0) return found;
        lock (gate)
        {
            // One statement per page of ids (a JSON array), not one per item.
            using var cmd = Command(db, null, "SELECT * FROM items WHERE scope=$s AND item_id IN (SELECT value FROM json_each($ids))",
                ("$s", scope), ("$ids", JsonSerializer.Serialize(itemIds)));
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var item = ReadItem(r);
                found[item.ItemId] = item;
            }
        }
        return found;
    }

    /// <inheritdoc/>
    public ReportedItem? FindReported(string reportId)
    {
        lock (gate)
        {
            return FindReported(db, reportId);
        }
    }

    /// <summary>
    /// The item a report id names, with its full path and web URL, read from the state file at
    /// <paramref name="statePath"/>; null when the state does not know the id. Opens the file read-only and without
    /// the scan's lock, so it works while a scan runs and can never change the state.
    /// </summary>
    /// <exception cref="FileNotFoundException">No state file at the path.</exception>
    /// <exception cref="StateSchemaTooNewException">A newer ClassScan wrote the file.</exception>
    public static ReportedItem? FindReported(string statePath, string reportId)
    {
        if (!File.Exists(statePath)) throw new FileNotFoundException("tillståndsfilen finns inte", statePath);
        using var db = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = statePath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        db.Open();
        Check(db, statePath);
        // A state from before report ids has no such column: nothing it holds was ever reported under an id.
        if (Scalar(db, null, "SELECT count(*) FROM pragma_table_info('items') WHERE name='report_id'") is 0L) return null;
        return FindReported(db, reportId);
    }

    private static ReportedItem? FindReported(SqliteConnection db, string reportId)
    {
        using var cmd = Command(db, null, """
            SELECT i.*, s.label AS scope_label FROM items i LEFT JOIN scopes s ON s.scope = i.scope WHERE i.report_id = $id LIMIT 1
            """, ("$id", reportId.ToLowerInvariant()));
        using var r = cmd.ExecuteReader();
        if (!r.Read()) return null;
        return new ReportedItem(reportId, Str(r, "scope")!, Shown(Str(r, "scope_label"), Str(r, "path") ?? Str(r, "item_id")), Str(r, "web_url"))
        {
            Status = Str(r, "status"),
            Level = (int?)Long(r, "level"),
            Reason = Str(r, "reason"),
            JudgedAt = ParseTime(Str(r, "judged_at")),
            Deleted = Long(r, "deleted") == 1,
        };
    }

    /// <inheritdoc/>
    public IReadOnlyList<ItemRecord> GetRetryItems(string scope)
    {
        lock (gate)
        {
            using var cmd = Command(db, null, "SELECT * FROM items WHERE scope=$s AND retry=1 AND deleted=0 ORDER BY item_id", ("$s", scope));
            using var r = cmd.ExecuteReader();
            var list = new List<ItemRecord>();
            while (r.Read()) list.Add(ReadItem(r));
            return list;
        }
    }

    /// <summary>Live item ids and paths of a scope (for finding files that vanished from a local folder).</summary>
    internal IReadOnlyList<(string ItemId, string? Path)> GetLiveItems(string scope)
    {
        lock (gate)
        {
            using var cmd = Command(db, null, "SELECT item_id, path FROM items WHERE scope=$s AND deleted=0", ("$s", scope));
            using var r = cmd.ExecuteReader();
            var list = new List<(string, string?)>();
            while (r.Read()) list.Add((r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1)));
            return list;
        }
    }

    /// <inheritdoc/>
    public void MarkUnchanged(IReadOnlyList<TrackedItem> listings)
    {
        if (listings.Count == 0) return;
        Write(tx =>
        {
            foreach (var listing in listings) MarkUnchanged(tx, listing);
        });
    }

    private void MarkUnchanged(SqliteTransaction tx, TrackedItem listing)
    {
        var fp = listing.Fingerprint;
        Exec(db, tx, """
            UPDATE items SET parent_id=$p, name=$n, path=$path, web_url=coalesce($w, web_url), last_modified_by=coalesce($lmb, last_modified_by),
              ctag=coalesce($ctag, ctag), etag=coalesce($etag, etag), qxhash=coalesce($qx, qxhash), sha256=coalesce($sha, sha256),
              size=coalesce($size, size), last_modified=coalesce($lm, last_modified), deleted=0, gone_reason=NULL, deleted_at=NULL
            WHERE scope=$s AND item_id=$i
            """,
            ("$p", listing.ParentId), ("$n", listing.Name), ("$path", listing.Path), ("$w", listing.WebUrl), ("$lmb", listing.LastModifiedBy),
            ("$ctag", fp.CTag), ("$etag", fp.ETag), ("$qx", fp.QuickXorHash), ("$sha", fp.Sha256 ?? listing.Sha256), ("$size", fp.Size),
            ("$lm", Time(fp.LastModified)), ("$s", listing.Scope), ("$i", listing.ItemId));
        if (listing.FromFeed) RemoveFeedRow(tx, listing.Scope, listing.ItemId);
    }

    /// <inheritdoc/>
    public void RecordVerdict(TrackedItem t, ScanResult result, long runId)
    {
        var fp = t.Fingerprint;
        var ok = result.Status == ScanStatus.Ok;
        // Extractor is null when the file never reached a parser: download failed, timed out, or listing failed.
        var retry = !t.Gone && t.RetryOnError && result.Status == ScanStatus.Error && result.Extractor is null;
        var level = result.Classification is { } c ? (int?)c.Level : null;
        Write(tx =>
        {
            Exec(db, tx, """
                INSERT INTO items(scope, item_id, parent_id, name, path, web_url, last_modified_by,
                  ctag, etag, qxhash, sha256, size, last_modified,
                  status, level, must_leave, reason, rule, judged_at, run_id, retry,
                  flagged, flag_level, flag_reason, deleted, gone_reason, deleted_at, report_id, judged_count)
                VALUES($s, $i, $p, $n, $path, $w, $lmb, $ctag, $etag, $qx, $sha, $size, $lm,
                  $status, $level, $ml, $reason, $rule, $now, $run, $retry,
                  $flagged, $flevel, $freason, $deleted, $gone, $delat, $rid, 1)
                ON CONFLICT(scope, item_id) DO UPDATE SET
                  parent_id=excluded.parent_id, name=excluded.name, path=excluded.path,
                  web_url=coalesce(excluded.web_url, items.web_url), last_modified_by=coalesce(excluded.last_modified_by, items.last_modified_by),
                  ctag=excluded.ctag, etag=excluded.etag, qxhash=excluded.qxhash, sha256=excluded.sha256,
                  size=excluded.size, last_modified=excluded.last_modified,
                  status=excluded.status, level=excluded.level, must_leave=excluded.must_leave, reason=excluded.reason,
                  rule=excluded.rule, judged_at=excluded.judged_at, run_id=excluded.run_id, retry=excluded.retry,
                  flagged=CASE WHEN $settles=1 THEN excluded.flagged ELSE items.flagged END,
                  flag_level=CASE WHEN $ok=1 THEN excluded.flag_level ELSE items.flag_level END,
                  flag_reason=CASE WHEN $ok=1 THEN excluded.flag_reason ELSE items.flag_reason END,
                  deleted=excluded.deleted, gone_reason=excluded.gone_reason, deleted_at=excluded.deleted_at,
                  report_id=excluded.report_id, judged_count=items.judged_count + 1
                """,
                ("$s", t.Scope), ("$i", t.ItemId), ("$p", t.ParentId), ("$n", t.Name), ("$path", t.Path), ("$w", t.WebUrl),
                ("$lmb", t.LastModifiedBy), ("$ctag", fp.CTag), ("$etag", fp.ETag), ("$qx", fp.QuickXorHash),
                ("$sha", t.Sha256 ?? fp.Sha256), ("$size", fp.Size), ("$lm", Time(fp.LastModified)),
                ("$status", result.Status.ToReportName()), ("$level", level), ("$ml", result.MustLeave ? 1 : 0),
                ("$reason", result.Classification?.Reason ?? result.StatusDetail), ("$rule", result.Classification?.RuleId),
                ("$now", Now()), ("$run", runId), ("$retry", retry ? 1 : 0),
                ("$flagged", ok && result.MustLeave ? 1 : 0), ("$flevel", ok ? level : null), ("$freason", ok ? result.Classification?.Reason : null),
                ("$deleted", t.Gone ? 1 : 0), ("$gone", t.Gone ? "borttagen innan den hann läsas" : null), ("$delat", t.Gone ? Now() : null),
                ("$settles", ok || t.Gone ? 1 : 0), ("$ok", ok ? 1 : 0), ("$rid", ReportIds.Of(result.Item.Id)));
            if (t.FromFeed) RemoveFeedRow(tx, t.Scope, t.ItemId);
        });
    }

    /// <inheritdoc/>
    public int MarkMissing(string scope, IReadOnlySet<string> seen, IReadOnlyList<string> unlisted, string reason)
    {
        var gone = GetLiveItems(scope)
            .Where(i => !seen.Contains(i.ItemId) && !unlisted.Any(p => i.Path is not null && IsUnder(i.Path, p)))
            .Select(i => i.ItemId)
            .ToList();
        if (gone.Count == 0) return 0;
        Write(tx =>
        {
            foreach (var id in gone) MarkDeleted(tx, scope, id, reason);
        });
        return gone.Count;
    }

    private static bool IsUnder(string path, string prefix) =>
        path.Length > prefix.Length && path.StartsWith(prefix, StringComparison.Ordinal)
        && (path[prefix.Length] == '/' || path[prefix.Length] == '\\');

    private int MarkDeleted(SqliteTransaction tx, string scope, string itemId, string reason) =>
        Exec(db, tx, "UPDATE items SET deleted=1, flagged=0, retry=0, gone_reason=$r, deleted_at=$t WHERE scope=$s AND item_id=$i AND deleted=0",
            ("$r", reason), ("$t", Now()), ("$s", scope), ("$i", itemId));

    private static ItemRecord ReadItem(SqliteDataReader r) => new()
    {
        Scope = Str(r, "scope")!,
        ItemId = Str(r, "item_id")!,
        ParentId = Str(r, "parent_id"),
        Name = Str(r, "name"),
        Path = Str(r, "path"),
        WebUrl = Str(r, "web_url"),
        LastModifiedBy = Str(r, "last_modified_by"),
        Fingerprint = new ItemFingerprint(Str(r, "ctag"), Str(r, "etag"), Str(r, "qxhash"), Str(r, "sha256"), Long(r, "size"), ParseTime(Str(r, "last_modified"))),
        Status = Str(r, "status"),
        Level = (int?)Long(r, "level"),
        Retry = Long(r, "retry") == 1,
        Flagged = Long(r, "flagged") == 1,
        Deleted = Long(r, "deleted") == 1,
        JudgedCount = (int)(Long(r, "judged_count") ?? 0),
    };
}
