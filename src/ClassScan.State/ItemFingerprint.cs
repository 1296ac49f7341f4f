namespace ClassScan.State;

/// <summary>
/// What identifies the content of a file version, from the strongest signal to the weakest. Graph gives
/// cTag (content only) on most creates/edits but omits it in OneDrive for Business delta, so quickXorHash
/// is next, and eTag (metadata and content) with size and time last. Local files have size and mtime,
/// and a SHA-256 once read.
/// </summary>
public sealed record ItemFingerprint(
    string? CTag = null,
    string? ETag = null,
    string? QuickXorHash = null,
    string? Sha256 = null,
    long? Size = null,
    DateTimeOffset? LastModified = null)
{
    /// <summary>
    /// True when <paramref name="judged"/> (the content last judged) is the same content as this listing,
    /// using the strongest signal both carry (cTag, else quickXorHash, else eTag + size + lastModified: the order in which Graph's own change signals can be trusted).
    /// </summary>
    public bool SameContentAs(ItemFingerprint judged)
    {
        if (CTag is not null && judged.CTag is not null) return CTag == judged.CTag;
        if (QuickXorHash is not null && judged.QuickXorHash is not null) return QuickXorHash == judged.QuickXorHash;
        if (Sha256 is not null && judged.Sha256 is not null) return Sha256 == judged.Sha256;
        return ETag == judged.ETag && SameSizeAndTime(judged);
    }

    /// <summary>Size and modification time equal (to the second: file systems and copies round differently).</summary>
    public bool SameSizeAndTime(ItemFingerprint other) =>
        Size == other.Size && Size is not null
        && LastModified is { } a && other.LastModified is { } b
        && Math.Abs((a - b).TotalSeconds) < 1;
}
