using System.Buffers;
using ClassScan.Core.Documents;
using ClassScan.Core.Scanning;

namespace ClassScan.Pipeline;

/// <summary>
/// A file opened for analysis: a seekable stream and its first bytes for format sniffing, or an early
/// failure. Owns the stream and the pooled head buffer; dispose exactly once.
/// </summary>
internal sealed class FetchedDocument : IDisposable
{
    public const int HeadSize = IExtractorSelector.HeadBytes;

    private byte[]? head;

    private FetchedDocument(SourceItem item) => Item = item;

    public SourceItem Item { get; }
    public Stream? Content { get; private set; }
    public int HeadLength { get; private set; }
    public long Bytes { get; private set; }
    public TimeSpan FetchTime { get; init; }

    /// <summary>Set when the file could not be opened or read; the analysis is skipped.</summary>
    public ExtractionResult.Failure? Failure { get; private init; }

    public ReadOnlyMemory<byte> Head => head is null ? default : head.AsMemory(0, HeadLength);

    public static FetchedDocument Failed(SourceItem item, ExtractionResult.Failure failure, TimeSpan fetchTime) =>
        new(item) { Failure = failure, FetchTime = fetchTime };

    public static FetchedDocument Opened(SourceItem item, Stream content, TimeSpan fetchTime)
    {
        var doc = new FetchedDocument(item) { FetchTime = fetchTime };
        doc.Content = content;
        doc.Bytes = content.Length;
        doc.head = ArrayPool<byte>.Shared.Rent(HeadSize);
        var n = 0;
        while (n < HeadSize)
        {
            var read = content.Read(doc.head, n, HeadSize - n);
            if (read == 0) break;
            n += read;
        }
        doc.HeadLength = n;
        content.Position = 0;
        return doc;
    }

    public void Dispose()
    {
        Content?.Dispose();
        Content = null;
        if (head is not null) ArrayPool<byte>.Shared.Return(head);
        head = null;
    }
}
