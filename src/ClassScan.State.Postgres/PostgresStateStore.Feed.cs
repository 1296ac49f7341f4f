using Npgsql;

namespace ClassScan.State.Postgres;

public sealed partial class PostgresStateStore
{
    private const string MissingAfterFullListing = "saknas i fullständig listning av enheten";

    /// <summary>The committed delta link and the feed in progress, if any, of a drive.</summary>
    public DeltaCursor GetCursor(string scope) => Read(conn =>
    {
        using var cmd = Command(conn, null, "SELECT delta_link, feed_next, feed_final, feed_full, feed_started FROM scopes WHERE scope=@s", Text("s", scope));
        using var r = cmd.ExecuteReader();
        if (!r.Read()) return new DeltaCursor(scope, null, null, null, false, false);
        return new DeltaCursor(scope, Str(r, "delta_link"), Str(r, "feed_next"), Str(r, "feed_final"), Bool(r, "feed_full"), Bool(r, "feed_started"));
    });

    /// <summary>Starts a new feed for a drive from <paramref name="firstUrl"/>, dropping anything staged before.</summary>
    /// <param name="full">The feed enumerates the whole drive (no delta token): items it lacks are deleted.</param>
    public void StartFeed(string scope, string firstUrl, bool full) => WriteBatch(
        ("DELETE FROM feed WHERE scope=@s", [Text("s", scope)]),
        ("UPDATE scopes SET feed_started=true, feed_full=@f, feed_next=@n, feed_final=NULL, feed_started_at=@t WHERE scope=@s",
            [Bool("f", full), Text("n", firstUrl), TimeParam("t", Now()), Text("s", scope)]));

    /// <summary>
    /// Stages one page of a feed and moves the resume point in one transaction; the page goes in as one statement
    /// (unnest of one array per column). The last entry for an item id wins, with the place of its last arrival. On
    /// the last page (<paramref name="deltaLink"/> set) a full feed also marks every remembered item and folder it
    /// did not contain as deleted: a fresh enumeration reports no deletions of its own.
    /// </summary>
    public void SaveFeedPage(string scope, IReadOnlyList<FeedEntry> entries, string? nextLink, string? deltaLink) => Write((conn, tx) =>
    {
        // The scope's row, locked, orders two writers of one feed (there should be one: the node holding the drive).
        var full = Scalar(conn, tx, "SELECT feed_full FROM scopes WHERE scope=@s FOR UPDATE", Text("s", scope)) is true;
        var seq = (long)Scalar(conn, tx, "SELECT coalesce(max(seq), 0) FROM feed WHERE scope=@s", Text("s", scope))!;
        var numbered = entries.Select((e, n) => (Entry: e, Seq: seq + n + 1))
            .GroupBy(x => x.Entry.ItemId, StringComparer.Ordinal).Select(g => g.Last()).ToList();
        if (numbered.Count > 0)
        {
            Exec(conn, tx, """
                INSERT INTO feed(scope, item_id, seq, kind, parent_id, name, path_hint, web_url, last_modified_by, package_type,
                  ctag, etag, qxhash, size, last_modified)
                SELECT @s, u.* FROM unnest(@i, @seq, @k, @p, @n, @ph, @w, @lmb, @pt, @ctag, @etag, @qx, @size, @lm)
                  AS u(item_id, seq, kind, parent_id, name, path_hint, web_url, last_modified_by, package_type, ctag, etag, qxhash, size, last_modified)
                ON CONFLICT(scope, item_id) DO UPDATE SET seq=excluded.seq, kind=excluded.kind, parent_id=excluded.parent_id,
                  name=excluded.name, path_hint=excluded.path_hint, web_url=excluded.web_url, last_modified_by=excluded.last_modified_by,
                  package_type=excluded.package_type, ctag=excluded.ctag, etag=excluded.etag, qxhash=excluded.qxhash,
                  size=excluded.size, last_modified=excluded.last_modified
                """,
                Text("s", scope), TextArray("i", numbered.Select(x => x.Entry.ItemId)), BigintArray("seq", numbered.Select(x => (long?)x.Seq)),
                TextArray("k", numbered.Select(x => x.Entry.Kind.ToString())), TextArray("p", numbered.Select(x => x.Entry.ParentId)),
                TextArray("n", numbered.Select(x => x.Entry.Name)), TextArray("ph", numbered.Select(x => x.Entry.PathHint)),
                TextArray("w", numbered.Select(x => x.Entry.WebUrl)), TextArray("lmb", numbered.Select(x => x.Entry.LastModifiedBy)),
                TextArray("pt", numbered.Select(x => x.Entry.PackageType)), TextArray("ctag", numbered.Select(x => x.Entry.Fingerprint.CTag)),
                TextArray("etag", numbered.Select(x => x.Entry.Fingerprint.ETag)), TextArray("qx", numbered.Select(x => x.Entry.Fingerprint.QuickXorHash)),
                BigintArray("size", numbered.Select(x => x.Entry.Fingerprint.Size)), TimeArray("lm", numbered.Select(x => x.Entry.Fingerprint.LastModified)));
        }

        if (deltaLink is null)
        {
            Exec(conn, tx, "UPDATE scopes SET feed_next=@n WHERE scope=@s", Text("n", nextLink), Text("s", scope));
            return;
        }
        Exec(conn, tx, "UPDATE scopes SET feed_next=NULL, feed_final=@d WHERE scope=@s", Text("d", deltaLink), Text("s", scope));
        if (!full) return;
        Exec(conn, tx, """
            UPDATE items SET deleted=true, flagged=false, retry=false, gone_reason=@r, deleted_at=@t
            WHERE scope=@s AND NOT deleted AND NOT EXISTS (SELECT 1 FROM feed f WHERE f.scope=@s AND f.item_id=items.item_id)
            """, Text("r", MissingAfterFullListing), TimeParam("t", Now()), Text("s", scope));
        Exec(conn, tx, "DELETE FROM nodes WHERE scope=@s AND NOT EXISTS (SELECT 1 FROM feed f WHERE f.scope=@s AND f.item_id=nodes.node_id)", Text("s", scope));
    });

    /// <summary>Staged entries after <paramref name="afterSeq"/>, in feed order, of the given kinds.</summary>
    public IReadOnlyList<FeedEntry> ReadFeed(string scope, IReadOnlyCollection<FeedEntryKind> kinds, long afterSeq, int limit) => Read(conn =>
    {
        using var cmd = Command(conn, null, "SELECT * FROM feed WHERE scope=@s AND seq>@after AND kind = ANY(@kinds) ORDER BY seq LIMIT @n",
            Text("s", scope), Bigint("after", afterSeq), TextArray("kinds", kinds.Select(k => k.ToString())), Int("n", limit));
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
                Fingerprint = new ItemFingerprint(Str(r, "ctag"), Str(r, "etag"), Str(r, "qxhash"), null, Long(r, "size"), Time(r, "last_modified")),
                Seq = r.GetInt64(r.GetOrdinal("seq")),
            });
        }
        return list;
    });

    /// <summary>Drops a staged entry that needs nothing more (skipped, or applied elsewhere).</summary>
    public void RemoveFeedEntry(string scope, string itemId) => WriteBatch(RemoveFeedRows([(scope, itemId)]));

    /// <summary>
    /// Every item of the drive's feed has a verdict: the feed's delta link becomes the drive's delta link and the
    /// staging is cleared. Until this runs, a restart resumes the same feed.
    /// </summary>
    public void CommitDelta(string scope) => WriteBatch(
        ("""
         UPDATE scopes SET delta_link=coalesce(feed_final, delta_link), delta_committed_at=@t,
           feed_started=false, feed_full=false, feed_next=NULL, feed_final=NULL
         WHERE scope=@s AND feed_final IS NOT NULL
         """, [TimeParam("t", Now()), Text("s", scope)]),
        ("DELETE FROM feed WHERE scope=@s", [Text("s", scope)]));

    /// <summary>A folder, root or package node of the folder tree.</summary>
    public NodeRecord? GetNode(string scope, string nodeId) => Read(conn =>
    {
        using var cmd = Command(conn, null, "SELECT * FROM nodes WHERE scope=@s AND node_id=@i", Text("s", scope), Text("i", nodeId));
        using var r = cmd.ExecuteReader();
        if (!r.Read()) return null;
        return new NodeRecord(scope, nodeId, Str(r, "parent_id"), Str(r, "name")!, Enum.Parse<FeedEntryKind>(Str(r, "kind")!), Str(r, "path")!, Str(r, "web_url"));
    });

    /// <summary>
    /// Applies a folder (or root, or package) from the feed. When its path or web URL changed (renamed or moved),
    /// everything under it follows: delta does not repeat the descendants of a renamed folder.
    /// </summary>
    /// <param name="removeEntry">Drop the staging row in the same transaction (false for packages, which are also reported).</param>
    public void ApplyNode(string scope, FeedEntry e, string path, bool removeEntry) => Write((conn, tx) =>
    {
        string? oldPath = null, oldUrl = null;
        using (var cmd = Command(conn, tx, "SELECT path, web_url FROM nodes WHERE scope=@s AND node_id=@i FOR UPDATE", Text("s", scope), Text("i", e.ItemId)))
        using (var r = cmd.ExecuteReader())
        {
            if (r.Read())
            {
                oldPath = Str(r, "path");
                oldUrl = Str(r, "web_url");
            }
        }
        var statements = new List<(string, NpgsqlParameter[])>
        {
            ("""
             INSERT INTO nodes(scope, node_id, parent_id, name, kind, path, web_url) VALUES(@s, @i, @p, @n, @k, @path, @w)
             ON CONFLICT(scope, node_id) DO UPDATE SET parent_id=excluded.parent_id, name=excluded.name, kind=excluded.kind,
               path=excluded.path, web_url=coalesce(excluded.web_url, nodes.web_url)
             """, [Text("s", scope), Text("i", e.ItemId), Text("p", e.ParentId), Text("n", e.Name ?? ""), Text("k", e.Kind.ToString()), Text("path", path), Text("w", e.WebUrl)]),
        };
        if (!string.IsNullOrEmpty(oldPath) && oldPath != path)
        {
            foreach (var table in new[] { "nodes", "items" })
            {
                statements.Add(($"UPDATE {table} SET path = @new || substr(path, length(@old) + 1) WHERE scope=@s AND left(path, length(@old) + 1) = @old || '/'",
                    [Text("new", path), Text("old", oldPath), Text("s", scope)]));
            }
        }
        if (!string.IsNullOrEmpty(oldUrl) && e.WebUrl is { Length: > 0 } newUrl && oldUrl != newUrl)
        {
            foreach (var table in new[] { "nodes", "items" })
            {
                statements.Add(($"UPDATE {table} SET web_url = @new || substr(web_url, length(@old) + 1) WHERE scope=@s AND left(web_url, length(@old) + 1) = @old || '/'",
                    [Text("new", newUrl), Text("old", oldUrl), Text("s", scope)]));
            }
        }
        if (removeEntry) statements.Add(RemoveFeedRows([(scope, e.ItemId)]));
        ExecBatch(conn, tx, statements);
    });

    /// <summary>
    /// Applies a deleted entry: the item, or a folder and everything under it, is gone. Deleting a folder may
    /// come without entries for its children, so they are found by parent id and path.
    /// </summary>
    public int ApplyDeleted(string scope, string itemId, string reason)
    {
        var count = 0;
        Write((conn, tx) =>
        {
            var now = Now();
            count += Exec(conn, tx, "UPDATE items SET deleted=true, flagged=false, retry=false, gone_reason=@r, deleted_at=@t WHERE scope=@s AND item_id=@i AND NOT deleted",
                Text("r", reason), TimeParam("t", now), Text("s", scope), Text("i", itemId));
            if (Scalar(conn, tx, "SELECT path FROM nodes WHERE scope=@s AND node_id=@i", Text("s", scope), Text("i", itemId)) is string { Length: > 0 } path)
            {
                count += Exec(conn, tx, """
                    UPDATE items SET deleted=true, flagged=false, retry=false, gone_reason=@r, deleted_at=@t
                    WHERE scope=@s AND NOT deleted AND (parent_id=@i OR left(path, length(@p) + 1) = @p || '/')
                    """, Text("r", reason), TimeParam("t", now), Text("s", scope), Text("i", itemId), Text("p", path));
                Exec(conn, tx, "DELETE FROM nodes WHERE scope=@s AND left(path, length(@p) + 1) = @p || '/'", Text("s", scope), Text("p", path));
            }
            ExecBatch(conn, tx, [
                ("DELETE FROM nodes WHERE scope=@s AND node_id=@i", [Text("s", scope), Text("i", itemId)]),
                RemoveFeedRows([(scope, itemId)]),
            ]);
        });
        return count;
    }

    private static void ExecBatch(NpgsqlConnection conn, NpgsqlTransaction tx, IEnumerable<(string Sql, NpgsqlParameter[] Args)> statements)
    {
        using var batch = new NpgsqlBatch(conn, tx);
        foreach (var (sql, args) in statements)
        {
            var cmd = new NpgsqlBatchCommand(sql);
            cmd.Parameters.AddRange(args);
            batch.BatchCommands.Add(cmd);
        }
        batch.ExecuteNonQuery();
    }
}
