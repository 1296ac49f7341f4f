using System.Runtime.CompilerServices;
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
        using var reader = new BinaryReader(input);
        using var writer = new BinaryWriter(output);
        while (WorkerProtocol.TryReadRequest(reader, out var fileName, out var limits, out var content, out var length))
        {
            Serve(writer, selector, fileName, limits, content, length);
            ReleaseMemoryAfterLargeDocument();
        }
        return 0;
    }

    // Not inlined so that nothing of the document is still rooted in Run's frame when the trim runs.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Serve(BinaryWriter writer, IExtractorSelector selector, string fileName, ExtractionLimits limits, byte[] content, int length)
    {
        using var stream = new MemoryStream(content, 0, length, writable: false);
        var head = content.AsSpan(0, Math.Min(length, 8192));
        var extractor = selector.Select(fileName, head);
        if (extractor is null)
        {
            WorkerProtocol.WriteError(writer, WorkerProtocol.Unsupported, "", "format som inte läses");
            return;
        }
        ExtractedText text;
        try
        {
            text = extractor.Extract(stream, limits, CancellationToken.None);
        }
        catch (EncryptedDocumentException e) { WorkerProtocol.WriteError(writer, WorkerProtocol.Encrypted, "", e.Message); return; }
        catch (UnsupportedFormatException e) { WorkerProtocol.WriteError(writer, WorkerProtocol.Unsupported, "", e.Message); return; }
        catch (ExtractionLimitException e) { WorkerProtocol.WriteError(writer, WorkerProtocol.Limit, e.LimitName, e.Message); return; }
        catch (CorruptDocumentException e) { WorkerProtocol.WriteError(writer, WorkerProtocol.Corrupt, "", e.Message); return; }
        catch (OutOfMemoryException) { WorkerProtocol.WriteError(writer, WorkerProtocol.OutOfMemory, "", "minnesgränsen för tolkaren nåddes"); return; }
        catch (Exception e) { WorkerProtocol.WriteError(writer, WorkerProtocol.Failed, "", $"kunde inte läsas ({e.GetType().Name})"); return; }
        WorkerProtocol.WriteText(writer, text);
    }

    private static void ReleaseMemoryAfterLargeDocument()
    {
        if (GC.GetGCMemoryInfo().TotalCommittedBytes > TrimAboveCommittedBytes)
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}
