using System.Buffers;
using ClassScan.Core.Documents;

namespace ClassScan.Extraction.Isolation;

/// <summary>
/// The loop inside a worker process: read a document, extract it with the real extractors, write the text
/// back. Known failures travel back as codes; a parser that overflows the stack or is killed takes only
/// this process down, and the scanner starts a new one.
/// </summary>
public static class ExtractionWorker
{
    public static int Run(Stream input, Stream output, IExtractorSelector selector)
    {
        using var reader = new BinaryReader(input);
        using var writer = new BinaryWriter(output);
        while (WorkerProtocol.TryReadRequest(reader, out var fileName, out var limits, out var content, out var length))
        {
            try
            {
                using var stream = new MemoryStream(content, 0, length, writable: false);
                var head = content.AsSpan(0, Math.Min(length, 8192));
                var extractor = selector.Select(fileName, head);
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
                catch (ExtractionLimitException e) { WorkerProtocol.WriteError(writer, WorkerProtocol.Limit, e.LimitName, e.Message); continue; }
                catch (CorruptDocumentException e) { WorkerProtocol.WriteError(writer, WorkerProtocol.Corrupt, "", e.Message); continue; }
                catch (OutOfMemoryException) { WorkerProtocol.WriteError(writer, WorkerProtocol.OutOfMemory, "", "minnesgränsen för tolkaren nåddes"); continue; }
                catch (Exception e) { WorkerProtocol.WriteError(writer, WorkerProtocol.Failed, "", $"kunde inte läsas ({e.GetType().Name}): {e.Message}"); continue; }
                WorkerProtocol.WriteText(writer, text);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(content);
            }
        }
        return 0;
    }
}
