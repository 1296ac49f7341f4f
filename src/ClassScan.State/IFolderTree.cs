namespace ClassScan.State;

/// <summary>
/// A drive's folders, root and packages, so that file paths can be built from parent ids (delta on OneDrive for
/// Business sends no paths), and renames and deletions of folders reach everything under them.
/// Thread-safe; each change is one transaction. Throws what the engine throws on a failed read or write.
/// </summary>
public interface IFolderTree
{
    /// <summary>A folder, root or package node, or null when the tree does not have it.</summary>
    NodeRecord? GetNode(string scope, string nodeId);

    /// <summary>
    /// Applies a folder (or root, or package) from the feed at <paramref name="path"/>. When its path or web URL
    /// changed (renamed or moved), the nodes and items under it follow: delta does not repeat the descendants of a
    /// renamed folder. <paramref name="removeEntry"/> drops its staging row in the same transaction.
    /// </summary>
    void ApplyNode(string scope, FeedEntry entry, string path, bool removeEntry);

    /// <summary>Applies a deleted entry: the item, or a folder and everything under it (by parent id and path), is
    /// deleted and loses its flag; its nodes and staging row go. Returns how many items were marked.</summary>
    int ApplyDeleted(string scope, string itemId, string reason);
}
