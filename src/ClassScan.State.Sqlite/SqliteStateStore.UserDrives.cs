namespace ClassScan.State.Sqlite;

/// <remarks>
/// No table of its own: the users-delta link is a meta row, and each user a node of the pseudo-scope
/// <see cref="UsersScope"/> (node id = user id, name = label, path = drive id or "", web_url = the drive's), so the
/// schema stays as it is. No drive id starts with "graph-users", so the scope cannot meet a drive's nodes.
/// </remarks>
public sealed partial class SqliteStateStore : IUserDriveDirectory
{
    private const string UsersScope = "graph-users";
    private const string UsersLinkKey = "graph_users_delta_link";

    /// <inheritdoc/>
    public string? GetUsersDeltaLink()
    {
        lock (gate) return Scalar(db, null, "SELECT value FROM meta WHERE key=$k", ("$k", UsersLinkKey)) as string;
    }

    /// <inheritdoc/>
    public IReadOnlyList<UserDrive> GetUserDrives()
    {
        lock (gate)
        {
            using var cmd = Command(db, null, "SELECT node_id, name, path, web_url FROM nodes WHERE scope=$s", ("$s", UsersScope));
            using var r = cmd.ExecuteReader();
            var list = new List<UserDrive>();
            while (r.Read())
                list.Add(new UserDrive(Str(r, "node_id")!, Str(r, "path") is { Length: > 0 } drive ? drive : null, Str(r, "name") ?? "", Str(r, "web_url")));
            list.Sort((a, b) => string.CompareOrdinal(a.UserId, b.UserId));
            return list;
        }
    }

    /// <inheritdoc/>
    public void SaveUserDrives(IReadOnlyList<UserDrive> upserts, IReadOnlyCollection<string> removedUserIds, string nextLink)
    {
        Write(tx =>
        {
            foreach (var u in upserts)
            {
                Exec(db, tx, """
                    INSERT INTO nodes(scope, node_id, parent_id, name, kind, path, web_url) VALUES($s, $i, NULL, $n, $k, $p, $w)
                    ON CONFLICT(scope, node_id) DO UPDATE SET name=excluded.name, path=excluded.path, web_url=excluded.web_url
                    """, ("$s", UsersScope), ("$i", u.UserId), ("$n", u.Label), ("$k", nameof(FeedEntryKind.Other)), ("$p", u.DriveId ?? ""), ("$w", u.WebUrl));
            }
            foreach (var id in removedUserIds)
                Exec(db, tx, "DELETE FROM nodes WHERE scope=$s AND node_id=$i", ("$s", UsersScope), ("$i", id));
            Exec(db, tx, "INSERT INTO meta(key, value) VALUES($k, $v) ON CONFLICT(key) DO UPDATE SET value=excluded.value", ("$k", UsersLinkKey), ("$v", nextLink));
        });
    }
}
