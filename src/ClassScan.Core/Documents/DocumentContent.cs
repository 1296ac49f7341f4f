namespace ClassScan.Core.Documents;

/// <summary>
/// The bytes of one document as an extractor gets them: a stream, and, only when the fetch stage chose so, the
/// path of a local file holding the same bytes. The path is how an extraction worker process is told to read the
/// file itself (one open there instead of every byte copied through a pipe); without one the bytes travel.
/// Does not own the stream: whoever opened it disposes it.
/// </summary>
public sealed class DocumentContent
{
    /// <summary>
    /// A file up to this size is read whole, in one pass, when the scan fetches it (the default of the scan's
    /// option): whatever else needs its bytes (the format's head, a content hash) takes them from that pass.
    /// </summary>
    public const long ReadWholeBytes = 4L * 1024 * 1024;

    private DocumentContent(Stream stream, string? localPath)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Stream = stream;
        LocalPath = localPath;
    }

    /// <summary>Readable and seekable, at position 0 when handed over.</summary>
    public Stream Stream { get; }

    /// <summary>A full path another process may open read-only to get the same bytes; null: the bytes are only in <see cref="Stream"/>.</summary>
    public string? LocalPath { get; }

    /// <summary>Content that exists only as this stream (a download, an attachment, a file read into memory).</summary>
    public static DocumentContent Of(Stream stream) => new(stream, null);

    /// <summary>Content of a local file that a worker process may open itself by <paramref name="path"/>.</summary>
    public static DocumentContent LocalFile(Stream stream, string path)
    {
        if (!Path.IsPathFullyQualified(path)) throw new ArgumentException("a local file is named by its full path", nameof(path));
        return new(stream, path);
    }

    /// <summary>A stream alone is content without a path (<see cref="Of"/>): extractors and tests read streams.</summary>
    public static implicit operator DocumentContent(Stream stream) => Of(stream);
}
