using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using ClassScan.Core.Documents;
using ClassScan.Core.Scanning;

namespace ClassScan.State;

/// <summary>
/// Makes a source without a change feed (a local folder) incremental: it lists and fingerprints (size and
/// modification time), and the <see cref="ChangeFilter"/> hands on only files whose content has no verdict yet
/// (when only the time moved, the SHA-256 of the content decides). Files that a complete listing no longer
/// contains are marked deleted (except under folders that could not be listed). The inner source's item ids must
/// be stable across runs (full paths are). Reads are hashed on the way through, so the next run can compare
/// contents without an extra pass.
/// </summary>
public sealed class IncrementalSource(IDocumentSource inner, ChangeFilter filter, IVerdictStore verdicts, string scope, string? label = null) : IDocumentSource
{
    // Listings go to the filter a page at a time (one state lookup per page); small enough that the pipeline starts at once.
    private const int PageSize = 100;

    public async IAsyncEnumerable<SourceItem> EnumerateAsync([EnumeratorCancellation] CancellationToken ct)
    {
        filter.Run.BeginScope(new ScopeRecord(scope, ScopeRecord.LocalKind, label, null));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var unlisted = new List<string>();
        var page = new List<(SourceItem, TrackedItem)>();
        await foreach (var item in inner.EnumerateAsync(ct).WithCancellation(ct).ConfigureAwait(false))
        {
            if (item.EnumerationError is not null)
            {
                // A folder that could not be listed: its files are neither judged nor taken as deleted.
                foreach (var handed in await FilterAsync(page, ct).ConfigureAwait(false)) yield return handed;
                unlisted.Add(item.Path);
                yield return item;
                continue;
            }
            seen.Add(item.Id);
            filter.Counters.AddListed();
            page.Add((item, new TrackedItem
            {
                Scope = scope,
                ItemId = item.Id,
                Name = item.Name,
                Path = item.Path,
                WebUrl = item.WebUrl,
                LastModifiedBy = item.LastModifiedBy,
                Fingerprint = new ItemFingerprint(Size: item.Size, LastModified: item.LastModified),
            }));
            if (page.Count < PageSize) continue;
            foreach (var handed in await FilterAsync(page, ct).ConfigureAwait(false)) yield return handed;
        }
        foreach (var handed in await FilterAsync(page, ct).ConfigureAwait(false)) yield return handed;
        var deleted = filter.Owner.Guard(() => verdicts.MarkMissing(scope, seen, unlisted, "finns inte längre i mappen"));
        filter.Counters.AddDeleted(deleted);
        filter.Run.EndScope(scope, null);
    }

    public async Task<Stream> OpenReadAsync(SourceItem item, CancellationToken ct)
    {
        var stream = await inner.OpenReadAsync(item, ct).ConfigureAwait(false);
        if (filter.Run.Find(item.Id) is not { } tracked) return stream;
        // A small file is read whole by the scan in one pass (DocumentContent.ReadWholeBytes): hashed on that pass,
        // it is not read a second time for the hash.
        if (!stream.CanSeek || stream.Length <= DocumentContent.ReadWholeBytes) return new HashingStream(stream, hash => tracked.Sha256 = hash);
        try
        {
            tracked.Sha256 = await HashAsync(stream, ct).ConfigureAwait(false);
            stream.Position = 0;
            return stream;
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task<IReadOnlyList<SourceItem>> FilterAsync(List<(SourceItem, TrackedItem)> page, CancellationToken ct)
    {
        if (page.Count == 0) return [];
        var handOn = await filter.FilterAsync(page.ToList(), ContentHashAsync, ct).ConfigureAwait(false);
        page.Clear();
        return handOn;
    }

    /// <summary>The SHA-256 of a file whose size matches the last verdict but whose time moved; null when it cannot be read.</summary>
    private async Task<string?> ContentHashAsync(SourceItem item, CancellationToken ct)
    {
        try
        {
            await using var s = await inner.OpenReadAsync(item, ct).ConfigureAwait(false);
            return await HashAsync(s, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null; // let the pipeline open it again and report the failure as a row
        }
    }

    private static async Task<string> HashAsync(Stream s, CancellationToken ct) =>
        ContentHash.Encode(await SHA256.HashDataAsync(s, ct).ConfigureAwait(false));
}
