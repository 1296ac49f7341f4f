using System.Buffers;
using ClassScan.Core.Documents;
using ClassScan.Core.Scanning;

namespace ClassScan.Pipeline;

/// <summary>
/// A file opened for analysis, or an early failure: the one place that decides how a document's bytes are read
/// and handed on (as ripgrep's searcher owns its I/O strategy). The head (<see cref="IExtractorSelector.HeadBytes"/>)
/// is read here once and the format is sniffed from it once; the content goes to the extractor as a
/// <see cref="DocumentContent"/> that says how a worker process gets it:
/// <list type="bullet">
/// <item>a file up to <see cref="ScanOptions.ReadWholeBytes"/> is read whole, in one pass: the head is its first bytes and
/// the worker gets the bytes (one open and one read of the file in all);</item>
/// <item>a larger local file (<see cref="SourceItem.LocalPath"/>) is read by its head only and passed by path, which the
/// worker opens itself;</item>
/// <item>a larger download is made seekable (<see cref="ContentSpooler"/>) and its bytes go through the pipe.</item>
/// </list>
/// Owns the stream and the pooled head buffer; dispose exactly once.
/// </summary>
internal sealed class FetchedDocument : IDisposable
{
    private byte[]? pooledHead;
    private Stream? stream;

    private FetchedDocument(SourceItem item) => Item = item;

    public SourceItem Item { get; }

    /// <summary>The content for the extractor; null for a failure.</summary>
    public DocumentContent? Content { get; private set; }

    public long Bytes { get; private set; }
    public TimeSpan FetchTime { get; private set; }

    /// <summary>Set when the file could not be opened or read; the analysis is skipped.</summary>
    public ExtractionResult.Failure? Failure { get; private init; }

    /// <summary>The first bytes of the content, for the extractor selector.</summary>
    public ReadOnlyMemory<byte> Head { get; private set; }

    public static FetchedDocument Failed(SourceItem item, ExtractionResult.Failure failure, TimeSpan fetchTime) =>
        new(item) { Failure = failure, FetchTime = fetchTime };

    /// <summary>Reads <paramref name="raw"/> as the type comment says; takes ownership of it (disposed on every path).</summary>
    public static async Task<FetchedDocument> ReadAsync(SourceItem item, Stream raw, ScanOptions options, CancellationToken ct)
    {
        var max = options.Limits.MaxFileBytes;
        if (raw.CanSeek && raw.Length > max)
        {
            var size = raw.Length;
            await raw.DisposeAsync().ConfigureAwait(false);
            return Failed(item, DocumentAnalyzer.TooLarge(size, max), TimeSpan.Zero);
        }
        try
        {
            if (raw.CanSeek && raw.Length <= options.ReadWholeBytes && await ReadWholeAsync(raw, ct).ConfigureAwait(false) is { } whole)
            {
                await raw.DisposeAsync().ConfigureAwait(false);
                return InMemory(item, whole);
            }
            if (raw.CanSeek)
            {
                var doc = new FetchedDocument(item);
                var content = item.LocalPath is { } path && Path.IsPathFullyQualified(path) ? DocumentContent.LocalFile(raw, path) : DocumentContent.Of(raw);
                await doc.ReadHeadAsync(content, ct).ConfigureAwait(false);
                return doc;
            }
        }
        catch
        {
            await raw.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        // Not seekable (a download): copied into memory or a temp file while it is read, which is the one read.
        var (spooled, tooLarge) = await ContentSpooler.MakeSeekableAsync(raw, max, options.InMemoryBufferBytes, ct).ConfigureAwait(false);
        if (tooLarge is not null) return Failed(item, tooLarge, TimeSpan.Zero);
        if (spooled is MemoryStream memory && memory.TryGetBuffer(out var buffer))
        {
            await memory.DisposeAsync().ConfigureAwait(false); // its buffer lives on in the document
            return InMemory(item, buffer);
        }
        var spilled = new FetchedDocument(item);
        try
        {
            await spilled.ReadHeadAsync(DocumentContent.Of(spooled!), ct).ConfigureAwait(false);
        }
        catch
        {
            await spooled!.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return spilled;
    }

    /// <summary>The fetch time, once known (set by the stage that timed the open and the read).</summary>
    public FetchedDocument Timed(TimeSpan fetchTime)
    {
        FetchTime = fetchTime;
        return this;
    }

    private static FetchedDocument InMemory(SourceItem item, ArraySegment<byte> bytes)
    {
        var doc = new FetchedDocument(item);
        doc.stream = new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false);
        doc.Content = DocumentContent.Of(doc.stream);
        doc.Bytes = bytes.Count;
        doc.Head = bytes.AsMemory(0, Math.Min(bytes.Count, IExtractorSelector.HeadBytes));
        return doc;
    }

    /// <summary>
    /// The whole file in one read into an array of its size; null when the file turned out longer than its length
    /// said (it grew while being read): it is then read like a large file, from the start.
    /// </summary>
    private static async Task<ArraySegment<byte>?> ReadWholeAsync(Stream raw, CancellationToken ct)
    {
        var length = (int)Math.Min(raw.Length, Array.MaxLength - 1);
        // One byte more than the length, so that a file that grew is noticed rather than cut.
        var bytes = GC.AllocateUninitializedArray<byte>(length + 1);
        var n = await raw.ReadAtLeastAsync(bytes, bytes.Length, throwOnEndOfStream: false, ct).ConfigureAwait(false);
        if (n <= length) return new ArraySegment<byte>(bytes, 0, n);
        raw.Position = 0;
        return null;
    }

    private async Task ReadHeadAsync(DocumentContent content, CancellationToken ct)
    {
        stream = content.Stream;
        Content = content;
        Bytes = stream.Length;
        pooledHead = ArrayPool<byte>.Shared.Rent(IExtractorSelector.HeadBytes);
        var n = await stream.ReadAtLeastAsync(pooledHead.AsMemory(0, IExtractorSelector.HeadBytes), IExtractorSelector.HeadBytes, throwOnEndOfStream: false, ct).ConfigureAwait(false);
        Head = pooledHead.AsMemory(0, n);
        stream.Position = 0;
    }

    public void Dispose()
    {
        stream?.Dispose();
        stream = null;
        Content = null;
        Head = default;
        if (pooledHead is not null) ArrayPool<byte>.Shared.Return(pooledHead);
        pooledHead = null;
    }
}
