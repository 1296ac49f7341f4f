using ClassScan.State;

namespace ClassScan.Sources.Graph;

/// <summary>
/// Builds item paths from parent ids and the remembered folder tree (delta on OneDrive for Business sends no
/// parentReference.path). Caches nodes for one drive's feed; a renamed folder clears the cache, since the
/// store has moved everything under it.
/// </summary>
internal sealed class FolderPaths(IFolderTree tree, string scope)
{
    private readonly Dictionary<string, NodeRecord?> cache = new(StringComparer.Ordinal);

    public string Scope => scope;

    public NodeRecord? Get(string? nodeId)
    {
        if (nodeId is null) return null;
        if (!cache.TryGetValue(nodeId, out var node)) cache[nodeId] = node = tree.GetNode(scope, nodeId);
        return node;
    }

    /// <summary>The path of a child of <see cref="FeedEntry.ParentId"/>, or null when the parent is not known yet.</summary>
    public string? PathOf(FeedEntry e)
    {
        var name = e.Name ?? e.ItemId;
        if (Get(e.ParentId) is { } parent) return Join(parent.Path, name);
        return e.PathHint is null ? null : Join(e.PathHint, name);
    }

    /// <summary>True when an ancestor is a package (a OneNote notebook's sections are part of the notebook).</summary>
    public bool InPackage(string? parentId)
    {
        for (var (node, depth) = (Get(parentId), 0); node is not null && depth < 256; node = Get(node.ParentId), depth++)
        {
            if (node.Kind == FeedEntryKind.Package) return true;
        }
        return false;
    }

    public void Applied(string nodeId, string path)
    {
        if (cache.TryGetValue(nodeId, out var old) && old is not null && old.Path != path) cache.Clear();
        else cache.Remove(nodeId);
    }

    public void Removed() => cache.Clear();

    private static string Join(string parent, string name) => parent.Length == 0 ? name : parent + "/" + name;
}
