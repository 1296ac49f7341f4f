using Microsoft.Data.Sqlite;

namespace ClassScan.State.Sqlite;

public sealed partial class SqliteStateStore
{
    private const string MissingAfterFullListing = "saknas i fullständig listning av enheten";

    /// <inheritdoc/>
    public DeltaCursor GetCursor(string scope)
    {
        lock (gate)
        {
            using var cmd = Command(db, null, "SELECT delta_link, feed_next, feed_final, feed_full, feed_started FROM scopes WHERE scope=$s", ("$s", scope));
            using var r = cmd.ExecuteReader();
            if (!r.Read()) return new DeltaCursor(scope, null, null, null, false, false);
            return new DeltaCursor(scope, Str(r, "delta_link"), Str(r, "feed_next"), Str(r, "feed_final"), Long(r, "feed_full") == 1, Long(r, "feed_started") == 1);
        }
    }

    /// <inheritdoc/>
    public void StartFeed(string scope, string firstUrl, bool full)
    {
        Write(tx =>
        {
            Exec(db, tx, "DELETE FROM feed WHERE scope=$s", ("$s", scope));
            Exec(db, tx, "UPDATE scopes SET feed_started=1, feed_full=$f, feed_next=$n, feed_final=NULL, feed_started_at=$t WHERE scope=$s",
                ("$f", full ? 1 : 0), ("$n", firstUrl), ("$t", Now()), ("$s", scope));
        });
    }

    /// <inheritdoc/>
    public void SaveFeedPage(string scope, IReadOnlyList<FeedEntry> entries, string? nextLink, string? deltaLink)
    {
        Write(tx =>
        {
            var seq = (long)(Scalar(db, tx, "SELECT coalesce(max(seq), 0) FROM feed WHERE scope=$s", ("$s", scope)) ?? 0L);
            using (var cmd = Command(db, tx, """
                INSERT INTO feed(scope, item_id, seq, kind, parent_id, name, path_hint, web_url, last_modified_by, package_type,
                  ctag, etag, qxhash, size, last_modified)
                VALUES($s, $i, $seq, $k, $p, $n, $ph, $w, $lmb, $pt, $ctag, $etag, $qx, $size, $lm)
                ON CONFLICT(scope, item_id) DO UPDATE SET seq=excluded.seq, kind=excluded.kind, parent_id=excluded.parent_id,
                  name=excluded.name, path_hint=excluded.path_hint, web_url=excluded.web_url, last_modified_by=excluded.last_modified_by,
                  package_type=excluded.package_type, ctag=excluded.ctag, etag=excluded.etag, qxhash=excluded.qxhash,
                  size=excluded.size, last_modified=excluded.last_modified
                """))
            {
                var p = new[] { "$s", "$i", "$seq", "$k", "$p", "$n", "$ph", "$w", "$lmb", "$pt", "$ctag", "$etag", "$qx", "$size", "$lm" }
                    .Select(n =>
                    {
                        var prm = cmd.CreateParameter();
                        prm.ParameterName = n;
                        cmd.Parameters.Add(prm);
                        return prm;
                    }).ToArray();
                foreach (var e in entries)
                {
                    var fp = e.Fingerprint;
                    object?[] values = [scope, e.ItemId, ++seq, e.Kind.ToString(), e.ParentId, e.Name, e.PathHint, e.WebUrl, e.LastModifiedBy,
                        e.PackageType, fp.CTag, fp.ETag, fp.QuickXorHash, fp.Size, Time(fp.LastModified)];
                    for (var i = 0; i < p.Length; i++) p[i].Value = values[i] ?? DBNull.Value;
                    cmd.ExecuteNonQuery();
                }
            }

            if (deltaLink is null)
            {
                Exec(db, tx, "UPDATE scopes SET feed_next=$n WHERE scope=$s", ("$n", nextLink), ("$s", scope));
                return;
            }
            Exec(db, tx, "UPDATE scopes SET feed_next=NULL, feed_final=$d WHERE scope=$s", ("$d", deltaLink), ("$s", scope));
            var full = (long)(Scalar(db, tx, "SELECT feed_full FROM scopes WHERE scope=$s", ("$s", scope)) ?? 0L) == 1;
            if (!full) return;
            Exec(db, tx, """
                UPDATE items SET deleted=1, flagged=0, retry=0, gone_reason=$r, deleted_at=$t
                WHERE scope=$s AND deleted=0 AND NOT EXISTS (SELECT 1 FROM feed f WHERE f.scope=$s AND f.item_id=items.item_id)
                """, ("$r", MissingAfterFullListing), ("$t", Now()), ("$s", scope));
            Exec(db, tx, "DELETE FROM nodes WHERE scope=$s AND NOT EXISTS (SELECT 1 FROM feed f WHERE f.scope=$s AND f.item_id=nodes.node_id)", ("$s", scope));
        });
    }

    /// <inheritdoc/>
    public IReadOnlyList<FeedEntry> ReadFeed(string scope, IReadOnlyCollection<FeedEntryKind> kinds, long afterSeq, int limit)
    {
        var kindList = string.Join(",", kinds.Select(k => "'" + k + "'"));
        lock (gate)
        {
            using var cmd = Command(db, null, $"SELECT * FROM feed WHERE scope=$s AND seq>$after AND kind IN ({kindList}) ORDER BY seq LIMIT $n",
                ("$s", scope), ("$after", afterSeq), ("$n", limit));
            using var r = cmd.ExecuteReader();
            var list = new List<FeedEntry>();
            while (r.Read())
            {
                list.Add(new FeedEntry
                {
                    ItemId = Str(r, "item_id")!,
                    Kind = Enum.Parse<FeedEntryKind>(Str(r, "kind")!),
                    ParentId = Str(r, "parent_id"),
                    Name = Str(r, "name"),
                    PathHint = Str(r, "path_hint"),
                    WebUrl = Str(r, "web_url"),
                    LastModifiedBy = Str(r, "last_modified_by"),
                    PackageType = Str(r, "package_type"),
                    Fingerprint = new ItemFingerprint(Str(r, "ctag"), Str(r, "etag"), Str(r, "qxhash"), null, Long(r, "size"), ParseTime(Str(r, "last_modified"))),
                    Seq = r.GetInt64(r.GetOrdinal("seq")),
                });
            }
            return list;
        }
    }

    /// <inheritdoc/>
    public void RemoveFeedEntry(string scope, string itemId) => Write(tx => RemoveFeedRow(tx, scope, itemId));

    /// <inheritdoc/>
    public void CommitDelta(string scope)
    {
        Write(tx =>
        {
            Exec(db, tx, """
                UPDATE scopes SET delta_link=coalesce(feed_final, delta_link), delta_committed_at=$t,
                  feed_started=0, feed_full=0, feed_next=NULL, feed_final=NULL
                WHERE scope=$s AND feed_final IS NOT NULL
                """, ("$t", Now()), ("$s", scope));
            Exec(db, tx, "DELETE FROM feed WHERE scope=$s", ("$s", scope));
        });
    }

    /// <inheritdoc/>
    public NodeRecord? GetNode(string scope, string nodeId)
    {
        lock (gate)
        {
            using var cmd = Command(db, null, "SELECT * FROM nodes WHERE scope=$s AND node_id=$i", ("$s", scope), ("$i", nodeId));
            using var r = cmd.ExecuteReader();
            if (!r.Read()) return null;
            return new NodeRecord(scope, nodeId, Str(r, "parent_id"), Str(r, "name")!, Enum.Parse<FeedEntryKind>(Str(r, "kind")!), Str(r, "path")!, Str(r, "web_url"));
        }
    }

    /// <inheritdoc/>
    public void ApplyNode(string scope, FeedEntry entry, string path, bool removeEntry)
    {
        var e = entry;
        Write(tx =>
        {
            string? oldPath = null, oldUrl = null;
            using (var cmd = Command(db, tx, "SELECT path, web_url FROM nodes WHERE scope=$s AND node_id=$i", ("$s", scope), ("$i", e.ItemId)))
            using (var r = cmd.ExecuteReader())
            {
                if (r.Read())
                {
                    oldPath = Str(r, "path");
                    oldUrl = Str(r, "web_url");
                }
            }
            Exec(db, tx, """
                INSERT INTO nodes(scope, node_id, parent_id, name, kind, path, web_url) VALUES($s, $i, $p, $n, $k, $path, $w)
                ON CONFLICT(scope, node_id) DO UPDATE SET parent_id=excluded.parent_id, name=excluded.name, kind=excluded.kind,
                  path=excluded.path, web_url=coalesce(excluded.web_url, nodes.web_url)
                """, ("$s", scope), ("$i", e.ItemId), ("$p", e.ParentId), ("$n", e.Name ?? ""), ("$k", e.Kind.ToString()), ("$path", path), ("$w", e.WebUrl));
            if (!string.IsNullOrEmpty(oldPath) && oldPath != path)
            {
                foreach (var table in new[] { "nodes", "items" })
                {
                    Exec(db, tx, $"UPDATE {table} SET path = $new || substr(path, length($old) + 1) WHERE scope=$s AND substr(path, 1, length($old) + 1) = $old || '/'",
                        ("$new", path), ("$old", oldPath), ("$s", scope));
                }
            }
            if (!string.IsNullOrEmpty(oldUrl) && e.WebUrl is { Length: > 0 } newUrl && oldUrl != newUrl)
            {
                foreach (var table in new[] { "nodes", "items" })
                {
                    Exec(db, tx, $"UPDATE {table} SET web_url = $new || substr(web_url, length($old) + 1) WHERE scope=$s AND substr(web_url, 1, length($old) + 1) = $old || '/'",
                        ("$new", newUrl), ("$old", oldUrl), ("$s", scope));
                }
            }
            if (removeEntry) RemoveFeedRow(tx, scope, e.ItemId);
        });
    }

    /// <inheritdoc/>
    /// <remarks>Deleting a folder may come without entries for its children, so they are found by parent id and path.</remarks>
    public int ApplyDeleted(string scope, string itemId, string reason)
    {
        var count = 0;
        Write(tx =>
        {
            count += MarkDeleted(tx, scope, itemId, reason);
            var path = Scalar(db, tx, "SELECT path FROM nodes WHERE scope=$s AND node_id=$i", ("$s", scope), ("$i", itemId)) as string;
            if (path is { Length: > 0 })
            {
                count += Exec(db, tx, """
                    UPDATE items SET deleted=1, flagged=0, retry=0, gone_reason=$r, deleted_at=$t
                    WHERE scope=$s AND deleted=0 AND (parent_id=$i OR substr(path, 1, length($p) + 1) = $p || '/')
                    """, ("$r", reason), ("$t", Now()), ("$s", scope), ("$i", itemId), ("$p", path));
                Exec(db, tx, "DELETE FROM nodes WHERE scope=$s AND substr(path, 1, length($p) + 1) = $p || '/'", ("$s", scope), ("$p", path));
            }
            Exec(db, tx, "DELETE FROM nodes WHERE scope=$s AND node_id=$i", ("$s", scope), ("$i", itemId));
            RemoveFeedRow(tx, scope, itemId);
        });
        return count;
    }

    private void RemoveFeedRow(SqliteTransaction tx, string scope, string itemId) =>
        Exec(db, tx, "DELETE FROM feed WHERE scope=$s AND item_id=$i", ("$s", scope), ("$i", itemId));
}
