using ClassScan.Core.Documents;

namespace ClassScan.Extraction.Isolation;

/// <summary>
/// The loop inside a worker process: read a request, run the extractor the scanner chose on the document, write
/// its <see cref="ExtractionResult"/> back. A parser that overflows the stack or is killed takes only this
/// process down, and the scanner starts a new one. The worker neither sniffs the format nor reads a head: the
/// scanner did both once.
/// </summary>
public static class ExtractionWorker
{
    // A worker lives for the whole scan. Without a trim, the heap one big document needed stays committed
    // (the GC keeps it for the next burst), and two idle workers would hold hundreds of MB between big files.
    private const long TrimAboveCommittedBytes = 64L * 1024 * 1024;

    /// <param name="input">Requests from the scanner.</param>
    /// <param name="output">Responses to the scanner.</param>
    /// <param name="extractorNamed">The real extractor of a name (<see cref="ITextExtractor.Name"/>), null if unknown.</param>
    public static int Run(Stream input, Stream output, Func<string, ITextExtractor?> extractorNamed)
    {
        // Buffered both ways: the protocol is many small fields, and each would otherwise be a system call
        // on the pipe. Every response ends with a flush, so nothing waits in a buffer.
        using var reader = new BinaryReader(new BufferedStream(input, 64 * 1024));
        using var writer = new BinaryWriter(new BufferedStream(output, 64 * 1024));
        while (WorkerProtocol.TryReadRequest(reader, out var name, out var limits, out var content, out var length, out var localPath))
        {
            try
            {
                WorkerProtocol.WriteResult(writer, Extract(extractorNamed(name), name, limits, content, length, localPath));
            }
            finally
            {
                ReleaseMemoryAfterLargeDocument();
            }
        }
        return 0;
    }

    private static ExtractionResult Extract(ITextExtractor? extractor, string name, ExtractionLimits limits, byte[] content, int length, string? localPath)
    {
        // The scanner and its workers are one build, so this is a bug, not a file's outcome; it still costs one file only.
        if (extractor is null) return new ExtractionResult.Corrupt($"kunde inte läsas (okänd tolk {name})");
        Stream stream;
        if (localPath is null)
        {
            stream = new MemoryStream(content, 0, length, writable: false);
        }
        else
        {
            try
            {
                stream = OpenLocal(localPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return new ExtractionResult.Corrupt($"kunde inte öppnas ({e.GetType().Name})");
            }
        }
        using (stream)
        {
            try
            {
                // The path goes along: a container names its one file after it (a .gz holds "x.gz" minus the suffix).
                var document = localPath is null ? DocumentContent.Of(stream) : DocumentContent.LocalFile(stream, localPath);
                return extractor.Extract(document, limits, CancellationToken.None);
            }
            catch (OutOfMemoryException)
            {
                return new ExtractionResult.LimitReached("WorkerMemory", "minnesgränsen för tolkaren nåddes");
            }
            catch (Exception e)
            {
                // A bug in a parser, isolated to this file. The type only: a library message may quote the bytes or text it choked on.
                return new ExtractionResult.Corrupt($"kunde inte läsas ({e.GetType().Name})");
            }
        }
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
