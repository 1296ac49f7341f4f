using ClassScan.Core.Documents;

namespace ClassScan.Extraction.Isolation;

/// <summary>
/// The loop inside a worker process: read a document, extract it with the real extractors, write the text
/// back. Known failures travel back as codes; a parser that overflows the stack or is killed takes only
/// this process down, and the scanner starts a new one.
/// </summary>
public static class ExtractionWorker
{
    // A worker lives for the whole scan. Without a trim, the heap one big document needed stays committed
    // (the GC keeps it for the next burst), and two idle workers would hold hundreds of MB between big files.
    private const long TrimAboveCommittedBytes = 64L * 1024 * 1024;

    public static int Run(Stream input, Stream output, IExtractorSelector selector)
    {
        // Buffered both ways: the protocol is many small fields, and each would otherwise be a system call
        // on the pipe. Every response ends with a flush, so nothing waits in a buffer.
        using var reader = new BinaryReader(new BufferedStream(input, 64 * 1024));
        using var writer = new BinaryWriter(new BufferedStream(output, 64 * 1024));
        var head = new byte[8192];
        while (WorkerProtocol.TryReadRequest(reader, out var fileName, out var limits, out var content, out var length, out var localPath))
        {
            try
            {
                Stream stream;
                ReadOnlySpan<byte> headBytes;
                if (localPath is null)
                {
                    stream = new MemoryStream(content, 0, length, writable: false);
                    headBytes = content.AsSpan(0, Math.Min(length, head.Length));
                }
                else
                {
                    try
                    {
                        stream = OpenLocal(localPath);
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        WorkerProtocol.WriteError(writer, WorkerProtocol.Corrupt, "", $"kunde inte öppnas ({e.GetType().Name})");
                        continue;
                    }
                    headBytes = head.AsSpan(0, stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false));
                    stream.Position = 0;
                }
                using (stream)
                {
                    var extractor = selector.Select(fileName, headBytes);
                    if (extractor is null)
                    {
                        WorkerProtocol.WriteError(writer, WorkerProtocol.Unsupported, "", "format som inte läses");
                        continue;
                    }
                    ExtractedText text;
                    try
                    {
                        text = extractor.Extract(stream, limits, CancellationToken.None);
                    }
                    catch (EncryptedDocumentException e) { WorkerProtocol.WriteError(writer, WorkerProtocol.Encrypted, "", e.Message); continue; }
                    catch (UnsupportedFormatException e) { WorkerProtocol.WriteError(writer, WorkerProtocol.Unsupported, "", e.Message); continue; }
                    catch (TextLimitReachedException e) { WorkerProtocol.WriteText(writer, e.PartialText); continue; }
                    catch (ExtractionLimitException e) { WorkerProtocol.WriteError(writer, WorkerProtocol.Limit, e.LimitName, e.Message); continue; }
                    catch (CorruptDocumentException e) { WorkerProtocol.WriteError(writer, WorkerProtocol.Corrupt, "", e.Message); continue; }
                    catch (OutOfMemoryException) { WorkerProtocol.WriteError(writer, WorkerProtocol.OutOfMemory, "", "minnesgränsen för tolkaren nåddes"); continue; }
                    // The type only: a library message may quote the bytes or text it choked on.
                    catch (Exception e) { WorkerProtocol.WriteError(writer, WorkerProtocol.Failed, "", $"kunde inte läsas ({e.GetType().Name})"); continue; }
                    WorkerProtocol.WriteText(writer, text);
                }
            }
            finally
            {
                ReleaseMemoryAfterLargeDocument();
            }
        }
        return 0;
    }

    private static void ReleaseMemoryAfterLargeDocument()
    {
        if (GC.GetGCMemoryInfo().TotalCommittedBytes > TrimAboveCommittedBytes)
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    /// <summary>Opens a local file as the scanner does: read-only, never blocking users or sync clients.</summary>
    private static FileStream OpenLocal(string path) => new(path, new FileStreamOptions
    {
        Mode = FileMode.Open,
        Access = FileAccess.Read,
        Share = FileShare.ReadWrite | FileShare.Delete,
        Options = FileOptions.SequentialScan,
        BufferSize = 64 * 1024,
    });
}
