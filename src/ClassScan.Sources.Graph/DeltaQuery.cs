namespace ClassScan.Sources.Graph;

/// <summary>
/// What a delta request asks for. <see cref="Select"/> names exactly the driveItem properties
/// <see cref="DriveItemMapper"/> reads, so a page carries no createdBy, fileSystemInfo, download URLs (one per file,
/// hundreds of bytes each) or other properties the scanner never looks at. Graph drops unselected facets
/// entirely, so the facets that decide an item's kind (deleted, root, folder, package, file, remoteItem) are
/// selected explicitly: without "deleted" a deleted file would arrive looking like a live one. Graph carries the
/// $select into the nextLink and deltaLink it returns; a link stored by an earlier version without it is given it.
/// <para>
/// No Prefer header is sent on delta. Microsoft documents deltashowsharingchanges and hierarchicalsharing (and
/// deltashowremovedasdeleted, deltatraversepermissiongaps only as what deltashowsharingchanges requires) for
/// scanning permission changes, which needs Sites.FullControl.All; this scanner judges content with read-only
/// permissions and selects no sharing properties. An item reported as "deleted" because it left the app's view
/// would also clear the flag of a file that still exists, against the rule that a failed read never clears one.
/// </para>
/// </summary>
internal static class DeltaQuery
{
    /// <summary>The properties the mapper and the state use, and nothing else.</summary>
    public const string Select =
        "id,name,parentReference,webUrl,lastModifiedBy,lastModifiedDateTime,size,cTag,eTag,file,folder,package,root,deleted,remoteItem";

    /// <summary>The url with the $select added when it has none (first requests, and links stored without one).</summary>
    public static string WithSelect(string url)
    {
        if (HasSelect(url)) return url;
        var separator = url.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        return url + separator + "$select=" + Select;
    }

    private static bool HasSelect(string url)
    {
        var q = url.IndexOf('?', StringComparison.Ordinal);
        if (q < 0) return false;
        foreach (var part in url[(q + 1)..].Split('&'))
        {
            var name = Uri.UnescapeDataString(part.Split('=')[0]);
            if (name is "$select" or "select") return true;
        }
        return false;
    }
}
