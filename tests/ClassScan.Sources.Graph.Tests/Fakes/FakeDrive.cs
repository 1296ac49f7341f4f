using System.Text;
using System.Text.Json.Nodes;

namespace ClassScan.Sources.Graph.Tests.Fakes;

/// <summary>
/// A drive as Graph's delta sees it: a tree of items plus a change log. A token is a position in the log;
/// delta from a token replays the log after it without collapsing repeats (Graph may list an item twice),
/// each entry as the item looked at that moment. Thread-safe (one lock).
/// </summary>
internal sealed class FakeDrive
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, FakeItem> items = new(StringComparer.Ordinal);
    private readonly List<(long Seq, JsonObject Json)> log = [];
    private long seq;
    private int nextId;

    public FakeDrive(string id, string name = "Dokument", string webUrl = "https://contoso.example/sites/skola/Delade dokument")
    {
        Id = id;
        Name = name;
        WebUrl = webUrl;
        Root = new FakeItem { Id = "root-" + id, Name = "root", IsRoot = true, IsFolder = true, Modified = Clock };
        items[Root.Id] = Root;
    }

    public string Id { get; }
    public string Name { get; }
    public string WebUrl { get; }
    public FakeItem Root { get; }

    /// <summary>Delta on OneDrive for Business leaves out cTag; with this the fake does the same.</summary>
    public bool OmitCTag { get; set; }
    public bool OmitHashes { get; set; }

    /// <summary>List children before their folders in full enumerations (tests out-of-order feeds).</summary>
    public bool ChildrenFirst { get; set; }

    /// <summary>Tokens older than this get 410 Gone (resyncRequired).</summary>
    public long MinValidToken { get; set; }

    public string? OwnerName { get; set; }
    public string DriveType { get; set; } = "documentLibrary";

    public long Token
    {
        get { lock (gate) return seq; }
    }

    public static DateTimeOffset Clock { get; } = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    public FakeItem? Get(string id)
    {
        lock (gate) return items.GetValueOrDefault(id) is { Deleted: false } i ? i : null;
    }

    public IReadOnlyList<FakeItem> Files()
    {
        lock (gate) return items.Values.Where(i => i.IsFile && !i.Deleted).ToList();
    }

    public FakeItem AddFolder(string? parentId, string name) => Add(new FakeItem { Id = NewId(), Name = name, ParentId = parentId ?? Root.Id, IsFolder = true, Modified = Clock });

    public FakeItem AddNotebook(string? parentId, string name) => Add(new FakeItem { Id = NewId(), Name = name, ParentId = parentId ?? Root.Id, PackageType = "oneNote", Modified = Clock });

    public FakeItem AddFile(string? parentId, string name, string content) =>
        Add(new FakeItem { Id = NewId(), Name = name, ParentId = parentId ?? Root.Id, Content = Encoding.UTF8.GetBytes(content), Modified = Clock });

    public void Edit(string id, string content, string by = "Bo Ek")
    {
        lock (gate)
        {
            var i = items[id];
            i.Content = Encoding.UTF8.GetBytes(content);
            i.ContentVersion++;
            i.MetaVersion++;
            i.Modified = i.Modified.AddMinutes(5);
            i.ModifiedBy = by;
            Log(i);
        }
    }

    /// <summary>Writes the same bytes again: eTag and time change, content (cTag, hash) does not.</summary>
    public void Touch(string id)
    {
        lock (gate)
        {
            var i = items[id];
            i.MetaVersion++;
            i.Modified = i.Modified.AddMinutes(1);
            Log(i);
        }
    }

    public void Rename(string id, string name)
    {
        lock (gate)
        {
            var i = items[id];
            i.Name = name;
            i.MetaVersion++;
            Log(i);
        }
    }

    public void Move(string id, string newParentId)
    {
        lock (gate)
        {
            var i = items[id];
            i.ParentId = newParentId;
            i.MetaVersion++;
            Log(i);
        }
    }

    /// <summary>Deletes an item; for a folder, like OneDrive for Business, only the folder is reported.</summary>
    public void Delete(string id)
    {
        lock (gate)
        {
            var i = items[id];
            MarkDeleted(i);
            seq++;
            log.Add((seq, new JsonObject
            {
                ["id"] = i.Id,
                ["name"] = i.Name,
                ["deleted"] = new JsonObject { ["state"] = "deleted" },
                ["parentReference"] = new JsonObject { ["driveId"] = Id, ["id"] = i.ParentId },
            }));
        }
    }

    /// <summary>The entries of a delta request: the whole live tree (no token) or the log after the token.</summary>
    public IReadOnlyList<JsonObject> Feed(long? token)
    {
        lock (gate)
        {
            if (token is { } t) return log.Where(e => e.Seq > t).Select(e => (JsonObject)e.Json.DeepClone()).ToList();
            var ordered = new List<FakeItem>();
            void Walk(FakeItem node)
            {
                if (!ChildrenFirst) ordered.Add(node);
                foreach (var child in items.Values.Where(c => c.ParentId == node.Id && !c.Deleted).OrderBy(c => c.Id, StringComparer.Ordinal))
                {
                    if (child.IsFolder || child.PackageType is not null) Walk(child);
                    else ordered.Add(child);
                }
                if (ChildrenFirst) ordered.Add(node);
            }
            Walk(Root);
            return ordered.Select(Render).ToList();
        }
    }

    public string PathOf(FakeItem i)
    {
        lock (gate)
        {
            var parts = new List<string>();
            for (var n = i; n is not null && !n.IsRoot; n = n.ParentId is null ? null : items.GetValueOrDefault(n.ParentId)) parts.Add(n.Name);
            parts.Reverse();
            return string.Join("/", parts);
        }
    }

    /// <summary>
    /// An item as delta sends it without $select: besides what the scanner reads, the properties a real driveItem
    /// carries by default (createdBy, createdDateTime, fileSystemInfo, parentReference.driveType, and for files the
    /// pre-authenticated @microsoft.graph.downloadUrl), so page sizes with and without $select compare fairly.
    /// </summary>
    public JsonObject Render(FakeItem i)
    {
        var modified = i.Modified.ToString("O");
        var o = new JsonObject
        {
            ["createdDateTime"] = Clock.ToString("O"),
            ["id"] = i.Id,
            ["name"] = i.Name,
            ["eTag"] = $"\"{{{i.Id}}},{i.MetaVersion}\"",
            ["lastModifiedDateTime"] = modified,
            ["webUrl"] = WebUrl + (i.IsRoot ? "" : "/" + PathOf(i)),
            ["createdBy"] = new JsonObject { ["user"] = new JsonObject { ["email"] = "anna.berg@contoso.example", ["id"] = "4a2b6c1e-0000-4000-8000-00000000a001", ["displayName"] = "Anna Berg" } },
            ["lastModifiedBy"] = new JsonObject { ["user"] = new JsonObject { ["displayName"] = i.ModifiedBy, ["email"] = "x@contoso.example" } },
            ["fileSystemInfo"] = new JsonObject { ["createdDateTime"] = Clock.ToString("O"), ["lastModifiedDateTime"] = modified },
        };
        if (!OmitCTag) o["cTag"] = $"\"c:{{{i.Id}}},{i.ContentVersion}\"";
        if (i.ParentId is not null) o["parentReference"] = new JsonObject { ["driveType"] = DriveType, ["driveId"] = Id, ["id"] = i.ParentId };
        if (i.IsRoot) o["root"] = new JsonObject();
        if (i.IsFolder) o["folder"] = new JsonObject { ["childCount"] = 0 };
        if (i.PackageType is not null) o["package"] = new JsonObject { ["type"] = i.PackageType };
        if (i.IsFile)
        {
            o["@microsoft.graph.downloadUrl"] = $"https://contoso.example/sites/skola/_layouts/15/download.aspx?UniqueId={i.Id}&Translate=false&tempauth=" + new string('v', 480) + "&ApiVersion=2.0";
            o["size"] = i.Content.Length;
            var file = new JsonObject { ["mimeType"] = "text/plain" };
            if (!OmitHashes) file["hashes"] = new JsonObject { ["quickXorHash"] = ReferenceQuickXorHash.Base64(i.Content) };
            o["file"] = file;
        }
        return o;
    }

    /// <summary>The item's content changes behind the listing's back (its hash as listed goes stale).</summary>
    public void EditQuietly(string id, string content)
    {
        lock (gate) items[id].Content = Encoding.UTF8.GetBytes(content);
    }

    private FakeItem Add(FakeItem item)
    {
        lock (gate)
        {
            items[item.Id] = item;
            Log(item);
            return item;
        }
    }

    private void Log(FakeItem i)
    {
        seq++;
        log.Add((seq, Render(i)));
    }

    private void MarkDeleted(FakeItem i)
    {
        i.Deleted = true;
        foreach (var child in items.Values.Where(c => c.ParentId == i.Id && !c.Deleted).ToList()) MarkDeleted(child);
    }

    private string NewId() => $"01{Id.ToUpperInvariant()}{Interlocked.Increment(ref nextId):D6}";
}
