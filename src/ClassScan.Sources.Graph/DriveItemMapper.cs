using ClassScan.State;
using Microsoft.Graph.Models;

namespace ClassScan.Sources.Graph;

/// <summary>Turns a delta driveItem into a staged feed entry.</summary>
internal static class DriveItemMapper
{
    public static FeedEntry ToEntry(DriveItem i) => new()
    {
        ItemId = i.Id ?? throw new InvalidDataException("driveItem utan id i delta-svaret"),
        Kind = KindOf(i),
        ParentId = i.ParentReference?.Id,
        Name = i.Name,
        PathHint = PathHint(i.ParentReference?.Path),
        WebUrl = i.WebUrl,
        LastModifiedBy = Who(i.LastModifiedBy),
        PackageType = i.Package?.Type,
        Fingerprint = new ItemFingerprint(
            CTag: i.CTag,
            ETag: i.ETag,
            QuickXorHash: i.File?.Hashes?.QuickXorHash,
            Size: i.Size,
            LastModified: i.LastModifiedDateTime),
    };

    private static FeedEntryKind KindOf(DriveItem i)
    {
        if (i.Deleted is not null) return FeedEntryKind.Deleted;
        if (i.Root is not null) return FeedEntryKind.Root;
        if (i.Package is not null) return FeedEntryKind.Package;
        if (i.Folder is not null) return FeedEntryKind.Folder;
        if (i.File is not null) return FeedEntryKind.File;
        // A shortcut to another drive's item is not this drive's file; anything else without facets is
        // taken as a file, so a sparse server's items are scanned rather than silently passed over.
        return i.RemoteItem is not null ? FeedEntryKind.Other : FeedEntryKind.File;
    }

    /// <summary>"/drives/{id}/root:/A/B" → "A/B"; "/drive/root:" → "".</summary>
    private static string? PathHint(string? parentPath)
    {
        if (parentPath is null) return null;
        var at = parentPath.IndexOf("root:", StringComparison.Ordinal);
        if (at < 0) return null;
        return Uri.UnescapeDataString(parentPath[(at + 5)..]).Trim('/');
    }

    private static string? Who(IdentitySet? set)
    {
        if (set is null) return null;
        var user = set.User;
        if (user?.DisplayName is { Length: > 0 } name) return name;
        if (user?.AdditionalData is { } extra && extra.TryGetValue("email", out var email) && email is string e) return e;
        return set.Application?.DisplayName ?? user?.Id;
    }
}
