using ClassScan.Core.Documents;

namespace ClassScan.Extraction.Isolation;

/// <summary>
/// The length-prefixed binary messages between the scanner and an extraction worker process
/// (BinaryWriter strings are 7-bit length prefixed UTF-8). One request, one response, strictly in turn.
/// A request carries the document either as bytes (any source) or, for a local file, as its path: the worker
/// then reads the file itself, which saves copying every byte through the pipe and holding it twice.
/// </summary>
internal static class WorkerProtocol
{
    public const byte Ok = 0, Encrypted = 1, Unsupported = 2, Limit = 3, Corrupt = 4, Failed = 5, OutOfMemory = 6;

    private const byte BytesFollow = 0, PathFollows = 1;

    public static void WriteRequest(BinaryWriter w, string fileName, Stream content, ExtractionLimits limits)
    {
        WriteHeader(w, fileName, limits);
        w.Write(BytesFollow);
        var length = content.Length - content.Position;
        w.Write(length);
        w.Flush();
        content.CopyTo(w.BaseStream, 81920);
        w.BaseStream.Flush();
    }

    /// <summary>A request that names a local file for the worker to open read-only itself.</summary>
    public static void WriteRequest(BinaryWriter w, string fileName, string localPath, ExtractionLimits limits)
    {
        WriteHeader(w, fileName, limits);
        w.Write(PathFollows);
        w.Write(localPath);
        w.Flush();
    }

    private static void WriteHeader(BinaryWriter w, string fileName, ExtractionLimits limits)
    {
        w.Write(fileName);
        w.Write(limits.MaxFileBytes);
        w.Write(limits.MaxExtractedChars);
        w.Write(limits.MaxUncompressedBytes);
        w.Write(limits.MaxCompressionRatio);
        w.Write(limits.MaxPdfPages);
        w.Write(limits.MaxNestingDepth);
    }

    /// <summary>
    /// Reads a request; returns false at end of input (the scanner closed the pipe). Either
    /// <paramref name="content"/> holds the bytes, or <paramref name="localPath"/> names the file.
    /// </summary>
    public static bool TryReadRequest(BinaryReader r, out string fileName, out ExtractionLimits limits, out byte[] content, out int length, out string? localPath)
    {
        localPath = null;
        try
        {
            fileName = r.ReadString();
        }
        catch (EndOfStreamException)
        {
            fileName = "";
            limits = ExtractionLimits.Default;
            content = [];
            length = 0;
            return false;
        }
        limits = new ExtractionLimits
        {
            MaxFileBytes = r.ReadInt64(),
            MaxExtractedChars = r.ReadInt64(),
            MaxUncompressedBytes = r.ReadInt64(),
            MaxCompressionRatio = r.ReadDouble(),
            MaxPdfPages = r.ReadInt32(),
            MaxNestingDepth = r.ReadInt32(),
        };
        if (r.ReadByte() == PathFollows)
        {
            localPath = r.ReadString();
            content = [];
            length = 0;
            return true;
        }
        var size = r.ReadInt64();
        if (size < 0 || size > Array.MaxLength) throw new InvalidDataException("bad request length");
        length = (int)size;
        // Not pooled: a pooled array of a big file would stay cached in the worker after the file is done.
        content = GC.AllocateUninitializedArray<byte>(length);
        r.BaseStream.ReadExactly(content, 0, length);
        return true;
    }

    public static void WriteText(BinaryWriter w, ExtractedText text)
    {
        w.Write(Ok);
        w.Write(text.Truncated);
        w.Write(text.PagesWithoutText);
        w.Write(text.PageCount);
        w.Write(text.Notes.Count);
        foreach (var n in text.Notes) w.Write(n);
        w.Write(text.Segments.Count);
        foreach (var s in text.Segments)
        {
            w.Write((byte)s.Kind);
            w.Write(s.Location);
            w.Write(s.Text);
        }
        w.Flush();
    }

    public static void WriteError(BinaryWriter w, byte code, string limitName, string message)
    {
        w.Write(code);
        w.Write(limitName);
        w.Write(message);
        w.Flush();
    }

    /// <summary>Reads a response: the text, or throws the exception the worker reported.</summary>
    public static ExtractedText ReadResponse(BinaryReader r)
    {
        var code = r.ReadByte();
        if (code != Ok)
        {
            var limitName = r.ReadString();
            var message = r.ReadString();
            throw code switch
            {
                Encrypted => new EncryptedDocumentException(message),
                Unsupported => new UnsupportedFormatException(message),
                Limit => new ExtractionLimitException(limitName, message),
                Corrupt => new CorruptDocumentException(message),
                OutOfMemory => new ExtractionLimitException("WorkerMemory", message),
                _ => new CorruptDocumentException(message),
            };
        }
        var truncated = r.ReadBoolean();
        var pagesWithoutText = r.ReadInt32();
        var pageCount = r.ReadInt32();
        var notes = new string[r.ReadInt32()];
        for (var i = 0; i < notes.Length; i++) notes[i] = r.ReadString();
        var segments = new TextSegment[r.ReadInt32()];
        for (var i = 0; i < segments.Length; i++)
            segments[i] = new TextSegment((SegmentKind)r.ReadByte(), r.ReadString(), r.ReadString());
        return new ExtractedText(segments, notes, pagesWithoutText, pageCount) { Truncated = truncated };
    }
}
