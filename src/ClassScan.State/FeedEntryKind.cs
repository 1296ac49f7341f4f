namespace ClassScan.State;

/// <summary>What a staged delta entry is; only <see cref="File"/> entries are scanned.</summary>
public enum FeedEntryKind
{
    File,
    Folder,
    Root,
    /// <summary>A package such as a OneNote notebook: a folder-like item that is not a file.</summary>
    Package,
    /// <summary>Carries the deleted facet: the item and, for a folder, everything under it is gone.</summary>
    Deleted,
    /// <summary>Neither file nor folder (shortcuts to other drives, unknown facets): skipped.</summary>
    Other,
}
