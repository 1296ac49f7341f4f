using ClassScan.Core.Documents;
using ClassScan.Extraction.Internal;
using SharpCompress.Archives;
using SharpCompress.Archives.GZip;
using SharpCompress.Archives.SevenZip;
using SharpCompress.Archives.Tar;
using SharpCompress.Archives.Zip;
using SharpCompress.Common;
using SharpCompress.Readers;

namespace ClassScan.Extraction.Archive;

/// <summary>
/// One archive's walk, nested archives included: the entries found so far and the budgets they share. Limits, and
/// whom they stop:
/// <list type="bullet">
/// <item><see cref="ExtractionLimits.MaxArchiveEntries"/>: counted from the listing before any entry is inflated; an
/// archive over it is not read at all (the container's result, or a nested archive's entry result).</item>
/// <item><see cref="ExtractionLimits.MaxFileBytes"/> and <see cref="ExtractionLimits.MaxCompressionRatio"/>: per entry,
/// checked on the bytes that really come out (<see cref="EntrySpool"/>); that entry is a
/// <see cref="ExtractionResult.LimitReached"/> and the walk goes on, since the other entries are unaffected.</item>
/// <item><see cref="ExtractionLimits.MaxUncompressedBytes"/> and <see cref="ExtractionLimits.MaxExtractedChars"/>: one
/// budget for the whole container. The entry that exhausts it carries the limit (or its partial text) and the walk
/// stops, with a note of the entries left unread: what was found before still stands, as for a truncated document.</item>
/// <item><see cref="ExtractionLimits.MaxNestingDepth"/>: an archive deeper than that is an entry with the limit (quines
/// such as droste.zip end here).</item>
/// </list>
/// Not thread-safe (one per extraction).
/// </summary>
internal sealed class ArchiveWalk(IExtractorSelector selector, ExtractionLimits limits, CancellationToken ct)
{
    /// <summary>Entries smaller than this are not held to the ratio: small, repetitive text compresses very well.</summary>
    private const long RatioGraceBytes = 1024 * 1024;

    private readonly List<ContainerEntry> entries = [];
    private readonly List<string> notes = [];
    private long inflated;
    private long chars;
    private int listed;
    private string? stoppedBy;
    private int unread;

    public ExtractionResult.Container Result()
    {
        if (unread > 0) notes.Add($"{unread} poster lästes inte: {stoppedBy}");
        return new ExtractionResult.Container(entries.ToArray(), notes.ToArray());
    }

    /// <summary>
    /// Walks the archive in <paramref name="stream"/> (seekable), adding its entries under <paramref name="prefix"/>.
    /// Null when it was read; otherwise why it could not be (not an archive, encrypted names, too many entries).
    /// </summary>
    public ExtractionResult.Failure? Open(Stream stream, string? name, int depth, string prefix)
    {
        var format = Sniff(stream, name);
        IArchive? archive = null;
        try
        {
            switch (format)
            {
                case ArchiveFormat.GZip:
                    return WalkGZip(stream, name, depth, prefix);
                case ArchiveFormat.Zip:
                    archive = ZipArchive.OpenArchive(stream, Options(EntryNames.Zip));
                    break;
                case ArchiveFormat.SevenZip:
                    archive = SevenZipArchive.OpenArchive(stream, Options(EntryNames.Utf8));
                    break;
                case ArchiveFormat.Tar:
                    archive = TarArchive.OpenArchive(stream, Options(EntryNames.Utf8));
                    break;
                default:
                    return new ExtractionResult.Corrupt("inte ett arkiv som kan läsas (zip, 7z, tar eller gzip)");
            }
            return WalkArchive(archive, stream.Length, depth, prefix);
        }
        catch (CryptographicException)
        {
            return new ExtractionResult.Encrypted("arkivet är krypterat (lösenord krävs)");
        }
        catch (Exception ex) when (ExtractionStop.IsLibraryFailure(ex))
        {
            // A 7z whose header is encrypted opens, then fails listing its entries: without the password nothing is known.
            if (format == ArchiveFormat.SevenZip && HeaderEncrypted(archive))
                return new ExtractionResult.Encrypted("arkivets filnamn och innehåll är krypterade (lösenord krävs)");
            return new ExtractionResult.Corrupt($"trasigt {Describe(format)}-arkiv ({ex.GetType().Name})");
        }
        finally
        {
            archive?.Dispose();
        }
    }

    // Asked only after a failure: a 7z knows this from its signature header, whatever the rest holds.
    private static bool HeaderEncrypted(IArchive? archive)
    {
        try
        {
            return archive is { IsEncrypted: true };
        }
        catch (Exception ex) when (ExtractionStop.IsLibraryFailure(ex))
        {
            return false;
        }
    }

    private static ReaderOptions Options(IArchiveEncoding encoding) => new() { LeaveStreamOpen = true, ArchiveEncoding = encoding };

    private static ArchiveFormat Sniff(Stream stream, string? name)
    {
        stream.Position = 0;
        var head = new byte[512];
        var n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        var format = ArchiveMagic.Of(head.AsSpan(0, n));
        // A pre-POSIX tar has no "ustar" magic: its name is all there is to go on.
        if (format == ArchiveFormat.None && name is not null && name.EndsWith(".tar", StringComparison.OrdinalIgnoreCase)) return ArchiveFormat.Tar;
        return format;
    }

    private static string Describe(ArchiveFormat format) => format switch
    {
        ArchiveFormat.SevenZip => "7z",
        ArchiveFormat.GZip => "gzip",
        ArchiveFormat.Tar => "tar",
        _ => "zip",
    };

    private ExtractionResult.Failure? WalkArchive(IArchive archive, long containerBytes, int depth, string prefix)
    {
        // The listing first (headers only, nothing inflated): a bomb of entries is refused before any work.
        var files = new List<IArchiveEntry>();
        foreach (var entry in archive.Entries)
        {
            ct.ThrowIfCancellationRequested();
            if (entry.IsDirectory) continue;
            if (listed + files.Count + 1 > limits.MaxArchiveEntries)
                return new ExtractionResult.LimitReached(nameof(ExtractionLimits.MaxArchiveEntries),
                    $"arkivet har fler än {limits.MaxArchiveEntries:N0} filer (MaxArchiveEntries)");
            files.Add(entry);
        }
        listed += files.Count;

        foreach (var entry in files)
        {
            if (stoppedBy is not null) { unread++; continue; }
            var path = prefix + Named(EntryNames.Normalise(entry.Key));
            if (entry.IsEncrypted)
            {
                Add(path, new ExtractionResult.Encrypted("krypterad fil i arkivet (lösenord krävs)"));
                continue;
            }
            // Solid 7z blocks and some writers leave an entry's compressed size unknown: the archive's size bounds it then.
            var compressed = entry.CompressedSize > 0 ? entry.CompressedSize : containerBytes;
            ReadEntry(path, depth, () => entry.OpenEntryStream(), entry.Size, compressed);
        }
        return null;
    }

    private ExtractionResult.Failure? WalkGZip(Stream stream, string? name, int depth, string prefix)
    {
        using var archive = GZipArchive.OpenArchive(stream, Options(EntryNames.Utf8));
        var entry = archive.Entries.FirstOrDefault();
        if (entry is null) return new ExtractionResult.Corrupt("tom gzip-fil");
        listed++;
        var member = EntryNames.GZipMember(name, entry.Key);
        var path = prefix + member;
        // A .tar.gz (.tgz) is one tar: its files are listed as the gzip's own, not under a "x.tar!/" level of their own.
        ReadEntry(path, depth, () => entry.OpenEntryStream(), declaredSize: -1, compressed: stream.Length, tarPrefix: prefix,
            unnamed: member == EntryNames.UnnamedMember);
        return null;
    }

    private void ReadEntry(string path, int depth, Func<Stream> open, long declaredSize, long compressed, string? tarPrefix = null, bool unnamed = false)
    {
        ct.ThrowIfCancellationRequested();
        var room = limits.MaxUncompressedBytes - inflated;
        if (declaredSize > limits.MaxFileBytes)
        {
            Add(path, TooLarge());
            return;
        }
        if (declaredSize > room)
        {
            StopWalk(path, OverTotal());
            return;
        }

        Stream? data;
        EntrySpool.Stop stop;
        long copied = 0;
        try
        {
            using var source = open();
            data = EntrySpool.Copy(source, Math.Min(limits.MaxFileBytes, room), compressed, limits.MaxCompressionRatio, RatioGraceBytes, ct, out stop, out copied);
        }
        catch (CryptographicException)
        {
            Add(path, new ExtractionResult.Encrypted("krypterad fil i arkivet (lösenord krävs)"));
            return;
        }
        catch (Exception ex) when (ExtractionStop.IsLibraryFailure(ex))
        {
            Add(path, new ExtractionResult.Corrupt($"filen i arkivet kunde inte packas upp ({ex.GetType().Name})"));
            return;
        }
        finally
        {
            inflated += copied;
        }

        switch (stop)
        {
            case EntrySpool.Stop.Ratio:
                Add(path, new ExtractionResult.LimitReached(nameof(ExtractionLimits.MaxCompressionRatio),
                    $"filen packas upp mer än {limits.MaxCompressionRatio:F0}:1 (MaxCompressionRatio)"));
                return;
            case EntrySpool.Stop.Size when limits.MaxFileBytes <= room:
                Add(path, TooLarge());
                return;
            case EntrySpool.Stop.Size:
                StopWalk(path, OverTotal());
                return;
        }

        using (data)
        {
            if (tarPrefix is not null && IsTar(data!))
            {
                // A .tar.gz is one archive to its owner: the tar's files are listed at the gzip's level and depth.
                var failure = Open(data!, path, depth, tarPrefix);
                if (failure is not null) Add(path, failure);
                return;
            }
            Judgeable(path, data!, depth, unnamed);
        }
    }

    private static bool IsTar(Stream data)
    {
        var head = new byte[512];
        var n = data.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        data.Position = 0;
        return ArchiveMagic.IsTar(head.AsSpan(0, n));
    }

    /// <summary>Hands an entry's bytes to the extractor the selector picks, or walks it as an archive inside.</summary>
    /// <param name="unnamed">
    /// A gzip's one file whose name is known neither from the gzip's own name nor from its header (gzip -n, a stream
    /// compressed by a program): formats with a signature are still recognised, and text without one is read as text
    /// rather than dropped for want of an extension.
    /// </param>
    private void Judgeable(string path, Stream data, int depth, bool unnamed = false)
    {
        var head = new byte[IExtractorSelector.HeadBytes];
        var n = data.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        data.Position = 0;
        var name = path[(path.LastIndexOf('/') + 1)..];
        var extractor = selector.Select(name, head.AsSpan(0, n));
        if (extractor is null && unnamed && n > 0 && head.AsSpan(0, n).IndexOf((byte)0) < 0) extractor = selector.Select(name + ".txt", head.AsSpan(0, n));
        if (extractor is null)
        {
            var ext = Path.GetExtension(name);
            Add(path, new ExtractionResult.Unsupported(string.IsNullOrEmpty(ext) ? "okänt format (ingen filändelse)" : $"format som inte läses: {ext.ToLowerInvariant()}"));
            return;
        }
        if (extractor is ArchiveExtractor)
        {
            if (depth + 1 > limits.MaxNestingDepth)
            {
                Add(path, new ExtractionResult.LimitReached(nameof(ExtractionLimits.MaxNestingDepth),
                    $"arkiv i arkiv djupare än {limits.MaxNestingDepth} nivåer (MaxNestingDepth)"));
                return;
            }
            var failure = Open(data, name, depth + 1, path + "!/");
            if (failure is not null) Add(path, failure);
            return;
        }

        var charsLeft = limits.MaxExtractedChars - chars;
        var entryLimits = limits with { MaxExtractedChars = charsLeft, MaxNestingDepth = Math.Max(0, limits.MaxNestingDepth - depth - 1) };
        ExtractionResult result;
        try
        {
            result = extractor.Extract(DocumentContent.Of(data), entryLimits, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { throw; }
        catch (Exception ex) when (ExtractionStop.IsLibraryFailure(ex))
        {
            // An extractor's bug is this entry's failure, as it would be the file's in the pipeline.
            result = new ExtractionResult.Corrupt($"kunde inte läsas ({ex.GetType().Name})");
        }

        if (result is ExtractionResult.Container inner)
        {
            foreach (var e in inner.Entries) Add(path + "!/" + e.Path, e.Result);
            return;
        }
        Add(path, result);
        if (result.TextRead is { } text) chars += text.TotalChars;
        if (result is ExtractionResult.PartialText) stoppedBy = $"arkivets text passerade {limits.MaxExtractedChars:N0} tecken (MaxExtractedChars)";
    }

    private void Add(string path, ExtractionResult result) => entries.Add(new ContainerEntry(path, result));

    private void StopWalk(string path, ExtractionResult.LimitReached limit)
    {
        Add(path, limit);
        stoppedBy = limit.Reason;
    }

    private ExtractionResult.LimitReached TooLarge() => new(nameof(ExtractionLimits.MaxFileBytes),
        $"filen i arkivet är större än {limits.MaxFileBytes:N0} byte (MaxFileBytes)");

    private ExtractionResult.LimitReached OverTotal() => new(nameof(ExtractionLimits.MaxUncompressedBytes),
        $"arkivet packas upp till mer än {limits.MaxUncompressedBytes:N0} byte (MaxUncompressedBytes)");

    private static string Named(string path) => path.Length > 0 ? path : "namnlös";
}
