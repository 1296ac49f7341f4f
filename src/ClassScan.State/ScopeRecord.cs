namespace ClassScan.State;

/// <summary>A scope of the state: a Graph drive (its drive id) or a local root ("local:" and its full path).</summary>
/// <param name="Scope">The scope id.</param>
/// <param name="Kind"><see cref="GraphDriveKind"/> or <see cref="LocalKind"/>.</param>
/// <param name="Label">Prefixes the scope's paths in reports (the drive or folder name); null: none.</param>
/// <param name="WebUrl">The drive's web URL, if any.</param>
public sealed record ScopeRecord(string Scope, string Kind, string? Label, string? WebUrl)
{
    /// <summary>The scope kind of a Graph drive, whose source item ids are "driveId/itemId".</summary>
    public const string GraphDriveKind = "graph-drive";

    /// <summary>The scope kind of a local folder, whose source item ids are full paths.</summary>
    public const string LocalKind = "local";

    /// <summary>The last run that covered the scope, when read from the state.</summary>
    public long? LastRunId { get; init; }

    /// <summary>
    /// The id a source gives an item (<see cref="Core.Scanning.SourceItem.Id"/>), from the state's scope and item id:
    /// a Graph drive's items are "driveId/itemId" (unique across drives), a local root's are their full paths.
    /// </summary>
    public static string SourceItemId(string? scopeKind, string scope, string itemId) =>
        scopeKind == GraphDriveKind ? scope + "/" + itemId : itemId;
}
