namespace ClassScan.Core.Scanning;

/// <summary>
/// Lists files and opens them for reading. Read-only by contract: a source never changes what it scans.
/// <see cref="EnumerateAsync"/> is called once per scan; <see cref="OpenReadAsync"/> may be called concurrently.
/// Per-file problems while listing become items with <see cref="SourceItem.EnumerationError"/>; only fatal
/// conditions (root missing, credentials revoked) throw.
/// </summary>
public interface IDocumentSource
{
    IAsyncEnumerable<SourceItem> EnumerateAsync(CancellationToken ct);

    /// <summary>Opens the content. The caller disposes the stream. Throws on I/O failure (reported per file).</summary>
    Task<Stream> OpenReadAsync(SourceItem item, CancellationToken ct);
}
