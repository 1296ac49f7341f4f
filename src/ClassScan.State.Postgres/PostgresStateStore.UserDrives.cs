namespace ClassScan.State.Postgres;

/// <remarks>
/// As in the SQLite store, no table of its own: the users-delta link is a meta row, and each user a node of the
/// pseudo-scope <see cref="UsersScope"/> (node id = user id, name = label, path = drive id or "", web_url = the
/// drive's). No drive id starts with "graph-users", so the scope cannot meet a drive's nodes.
/// </remarks>
public sealed partial class PostgresStateStore : IUserDriveDirectory
{
    private const string UsersScope = "graph-users";
    private const string UsersLinkKey = "graph_users_delta_link";

    /// <inheritdoc/>
    public string? GetUsersDeltaLink() =>
        Read(conn => Scalar(conn, null, "SELECT value FROM meta WHERE key=@k", Text("k", UsersLinkKey)) as string);

    /// <inheritdoc/>
    public IReadOnlyList<UserDrive> GetUserDrives() => Read(conn =>
    {
        using var cmd = Command(conn, null, """SELECT node_id, name, path, web_url FROM nodes WHERE scope=@s ORDER BY node_id COLLATE "C" """, Text("s", UsersScope));
        using var r = cmd.ExecuteReader();
        var list = new List<UserDrive>();
        while (r.Read())
            list.Add(new UserDrive(Str(r, "node_id")!, Str(r, "path") is { Length: > 0 } drive ? drive : null, Str(r, "name") ?? "", Str(r, "web_url")));
        return list;
    });

    /// <inheritdoc/>
    public void SaveUserDrives(IReadOnlyList<UserDrive> upserts, IReadOnlyCollection<string> removedUserIds, string nextLink)
    {
        ArgumentNullException.ThrowIfNull(upserts);
        ArgumentNullException.ThrowIfNull(removedUserIds);
        // A user twice in one page: the last entry wins (as in the SQLite store), and one INSERT ... ON CONFLICT may not
        // touch a row twice.
        upserts = upserts.GroupBy(u => u.UserId, StringComparer.Ordinal).Select(g => g.Last()).ToList();
        // One round trip for the page: arrays unnested, the removals and the link in the same implicit transaction.
        WriteBatch(
            ("""
             INSERT INTO nodes(scope, node_id, parent_id, name, kind, path, web_url)
             SELECT @s, u.id, NULL, u.name, @k, u.path, u.web FROM unnest(@ids, @names, @paths, @webs) AS u(id, name, path, web)
             ON CONFLICT(scope, node_id) DO UPDATE SET name=excluded.name, path=excluded.path, web_url=excluded.web_url
             """,
             [Text("s", UsersScope), Text("k", nameof(FeedEntryKind.Other)),
              TextArray("ids", upserts.Select(u => u.UserId)), TextArray("names", upserts.Select(u => u.Label)),
              TextArray("paths", upserts.Select(u => u.DriveId ?? "")), TextArray("webs", upserts.Select(u => u.WebUrl))]),
            ("DELETE FROM nodes WHERE scope=@s AND node_id = ANY(@removed)", [Text("s", UsersScope), TextArray("removed", removedUserIds)]),
            ("INSERT INTO meta(key, value) VALUES(@k, @v) ON CONFLICT(key) DO UPDATE SET value=excluded.value", [Text("k", UsersLinkKey), Text("v", nextLink)]));
    }
}
