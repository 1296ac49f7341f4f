using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using ClassScan.Core.Documents;
using ClassScan.Core.Scanning;

namespace ClassScan.State;

/// <summary>
/// Makes a source without a change feed (a local folder) incremental: a file whose size and modification
/// time match the content last judged is not handed on; when only the time moved, its SHA-256 decides.
/// Files that a complete listing no longer contains are marked deleted (except under folders that could not
/// be listed). The inner source's item ids must be stable across runs (full paths are).
/// Reads are hashed on the way through, so the next run can compare contents without an extra pass.
/// </summary>
public sealed class IncrementalSource(IDocumentSource inner, ScanRun run, string scope, string? label = null) : IDocumentSource
{
    public async IAsyncEnumerable<SourceItem> EnumerateAsync([EnumeratorCancellation] CancellationToken ct)
    {
        Write(() => run.BeginScope(scope, "local", label, null));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var unlisted = new List<string>();
        await foreach (var item in inner.EnumerateAsync(ct).WithCancellation(ct).ConfigureAwait(false))
        {
            if (item.EnumerationError is not null)
            {
                // A folder that could not be listed: its files are neither judged nor taken as deleted.
                unlisted.Add(item.Path);
                yield return item;
                continue;
            }
            seen.Add(item.Id);
            run.Counters.AddListed();
            var listing = new TrackedItem
            {
                Scope = scope,
                ItemId = item.Id,
                Name = item.Name,
                Path = item.Path,
                WebUrl = item.WebUrl,
                LastModifiedBy = item.LastModifiedBy,
                Fingerprint = new ItemFingerprint(Size: item.Size, LastModified: item.LastModified),
            };
            if (!run.RescanAll && await IsUnchangedAsync(item, listing, ct).ConfigureAwait(false))
            {
                Write(() => run.Store.MarkUnchanged(listing));
                run.Counters.AddUnchanged();
                continue;
            }
            yield return run.Track(item, listing);
        }
        var deleted = 0;
        Write(() => deleted = run.Store.MarkMissing(scope, seen, unlisted, "finns inte längre i mappen"));
        run.Counters.AddDeleted(deleted);
        run.EndScope(scope, null);
    }

    public async Task<Stream> OpenReadAsync(SourceItem item, CancellationToken ct)
    {
        var stream = await inner.OpenReadAsync(item, ct).ConfigureAwait(false);
        if (run.Find(item.Id) is not { } tracked) return stream;
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

    private async Task<bool> IsUnchangedAsync(SourceItem item, TrackedItem listing, CancellationToken ct)
    {
        var stored = run.Store.GetItem(scope, item.Id);
        if (stored is not { Deleted: false, Retry: false, Status: not null }) return false;
        if (listing.Fingerprint.SameSizeAndTime(stored.Fingerprint))
        {
            listing.Sha256 = stored.Fingerprint.Sha256;
            return true;
        }
        // Same size, new time (touched, restored, copied back): compare content before rescanning.
        if (stored.Fingerprint.Sha256 is null || stored.Fingerprint.Size != item.Size) return false;
        try
        {
            await using var s = await inner.OpenReadAsync(item, ct).ConfigureAwait(false);
            var hash = await HashAsync(s, ct).ConfigureAwait(false);
            if (hash != stored.Fingerprint.Sha256) return false;
            listing.Sha256 = hash;
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false; // let the pipeline open it again and report the failure as a row
        }
    }

    /// <summary>A state write while listing; a full or read-only disk becomes an <see cref="OutputWriteException"/> naming it.</summary>
    private void Write(Action write)
    {
        try
        {
            write();
        }
        catch (Exception ex) when (StateWriteFailure.From(ex, run.Store.FilePath) is { } why)
        {
            throw why;
        }
    }

    private static async Task<string> HashAsync(Stream s, CancellationToken ct) =>
        ContentHash.Encode(await SHA256.HashDataAsync(s, ct).ConfigureAwait(false));
}
