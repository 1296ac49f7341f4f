using ClassScan.Core.Documents;

namespace ClassScan.Extraction.Isolation;

/// <summary>
/// The length-prefixed binary messages between the scanner and an extraction worker process
/// (BinaryWriter strings are 7-bit length prefixed UTF-8). One request, one response, strictly in turn.
/// A request names the extractor the scanner chose (the format is sniffed once, in the scanner) and carries the
/// document as the scanner's <see cref="DocumentContent"/> says: its bytes, or the path of a local file that the
/// worker opens itself, which saves copying a large file through the pipe and holding it twice.
/// A response is one <see cref="ExtractionResult"/>, case by case; a container's entries follow it, each a path and a
/// leaf result in the same codes.
/// </summary>
internal static class WorkerProtocol
{
    /// <summary>How the document travels in a request.</summary>
    public enum Transport : byte
    {
        Bytes = 0,
        Path = 1,
    }

    // One code per ExtractionResult case.
    private const byte TextCode = 0, PartialCode = 1, EncryptedCode = 2, UnsupportedCode = 3, CorruptCode = 4, LimitCode = 5,
        TimedOutCode = 6, UnreadableCode = 7, ContainerCode = 8;

    public static void WriteRequest(BinaryWriter w, string extractor, DocumentContent content, ExtractionLimits limits)
    {
        w.Write(extractor);
        w.Write(limits.MaxFileBytes);
        w.Write(limits.MaxExtractedChars);
        w.Write(limits.MaxUncompressedBytes);
        w.Write(limits.MaxCompressionRatio);
        w.Write(limits.MaxPdfPages);
        w.Write(limits.MaxNestingDepth);
        w.Write(limits.MaxExtractionTime.Ticks);
        w.Write(limits.MaxArchiveEntries);
        if (content.LocalPath is { } path)
        {
            w.Write((byte)Transport.Path);
            w.Write(path);
            w.Flush();
            return;
        }
        w.Write((byte)Transport.Bytes);
        var stream = content.Stream;
        w.Write(stream.Length - stream.Position);
        w.Flush();
        stream.CopyTo(w.BaseStream, 81920);
        w.BaseStream.Flush();
    }

    /// <summary>
    /// Reads a request; returns false at end of input (the scanner closed the pipe). Either
    /// <paramref name="content"/> holds the bytes, or <paramref name="localPath"/> names the file.
    /// </summary>
    public static bool TryReadRequest(BinaryReader r, out string extractor, out ExtractionLimits limits, out byte[] content, out int length, out string? localPath)
    {
        localPath = null;
        content = [];
        length = 0;
        try
        {
            extractor = r.ReadString();
        }
        catch (EndOfStreamException)
        {
            extractor = "";
            limits = ExtractionLimits.Default;
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
            MaxExtractionTime = TimeSpan.FromTicks(r.ReadInt64()),
            MaxArchiveEntries = r.ReadInt32(),
        };
        if ((Transport)r.ReadByte() == Transport.Path)
        {
            localPath = r.ReadString();
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

    public static void WriteResult(BinaryWriter w, ExtractionResult result)
    {
        Write(w, result);
        w.Flush();
    }

    private static void Write(BinaryWriter w, ExtractionResult result)
    {
        switch (result)
        {
            case ExtractionResult.Container container:
                w.Write(ContainerCode);
                w.Write(container.Entries.Count);
                foreach (var entry in container.Entries)
                {
                    w.Write(entry.Path);
                    Write(w, entry.Result); // a leaf: ContainerEntry refuses a nested container
                }
                w.Write(container.Notes.Count);
                foreach (var n in container.Notes) w.Write(n);
                break;
            case ExtractionResult.Text(var text):
                w.Write(TextCode);
                WriteText(w, text);
                break;
            case ExtractionResult.PartialText partial:
                w.Write(PartialCode);
                w.Write(partial.Limit);
                WriteText(w, partial.Content);
                break;
            case ExtractionResult.LimitReached(var limit, var reason):
                w.Write(LimitCode);
                w.Write(limit);
                w.Write(reason);
                break;
            case ExtractionResult.Failure failure:
                w.Write(failure switch
                {
                    ExtractionResult.Encrypted => EncryptedCode,
                    ExtractionResult.Unsupported => UnsupportedCode,
                    ExtractionResult.Corrupt => CorruptCode,
                    ExtractionResult.TimedOut => TimedOutCode,
                    ExtractionResult.Unreadable => UnreadableCode,
                    _ => throw new InvalidOperationException($"no protocol code for {failure.GetType().Name}"),
                });
                w.Write(failure.Reason);
                break;
            default:
                throw new InvalidOperationException($"no protocol code for {result.GetType().Name}");
        }
    }

    /// <summary>Reads a response: the worker's result, case for case.</summary>
    public static ExtractionResult ReadResult(BinaryReader r)
    {
        var code = r.ReadByte();
        return code == ContainerCode ? ReadContainer(r) : ReadLeaf(r, code);
    }

    private static ExtractionResult.Container ReadContainer(BinaryReader r)
    {
        var entries = new ContainerEntry[ReadCount(r)];
        for (var i = 0; i < entries.Length; i++)
        {
            var path = r.ReadString();
            var code = r.ReadByte();
            if (code == ContainerCode) throw new InvalidDataException("a container entry holds a container");
            entries[i] = new ContainerEntry(path, ReadLeaf(r, code));
        }
        var notes = new string[ReadCount(r)];
        for (var i = 0; i < notes.Length; i++) notes[i] = r.ReadString();
        return new ExtractionResult.Container(entries, notes);
    }

    private static int ReadCount(BinaryReader r)
    {
        var count = r.ReadInt32();
        if (count < 0) throw new InvalidDataException("bad count");
        return count;
    }

    private static ExtractionResult ReadLeaf(BinaryReader r, byte code)
    {
        return code switch
        {
            TextCode => new ExtractionResult.Text(ReadText(r, truncated: false)),
            PartialCode => ReadPartial(r),
            EncryptedCode => new ExtractionResult.Encrypted(r.ReadString()),
            UnsupportedCode => new ExtractionResult.Unsupported(r.ReadString()),
            CorruptCode => new ExtractionResult.Corrupt(r.ReadString()),
            LimitCode => new ExtractionResult.LimitReached(r.ReadString(), r.ReadString()),
            TimedOutCode => new ExtractionResult.TimedOut(r.ReadString()),
            UnreadableCode => new ExtractionResult.Unreadable(r.ReadString()),
            _ => throw new InvalidDataException($"unknown response code {code}"),
        };
    }

    private static ExtractionResult.PartialText ReadPartial(BinaryReader r)
    {
        var limit = r.ReadInt64();
        return new(ReadText(r, truncated: true), limit);
    }

    private static void WriteText(BinaryWriter w, ExtractedText text)
    {
        w.Write(text.PagesWithoutText);
        w.Write(text.PageCount);
        w.Write(text.TextlessPages.Count);
        foreach (var p in text.TextlessPages) w.Write(p);
        w.Write(text.Notes.Count);
        foreach (var n in text.Notes) w.Write(n);
        w.Write(text.Segments.Count);
        foreach (var s in text.Segments)
        {
            w.Write((byte)s.Kind);
            w.Write(s.Location);
            w.Write(s.Text);
        }
    }

    private static ExtractedText ReadText(BinaryReader r, bool truncated)
    {
        var pagesWithoutText = r.ReadInt32();
        var pageCount = r.ReadInt32();
        var textless = new int[r.ReadInt32()];
        for (var i = 0; i < textless.Length; i++) textless[i] = r.ReadInt32();
        var notes = new string[r.ReadInt32()];
        for (var i = 0; i < notes.Length; i++) notes[i] = r.ReadString();
        var segments = new TextSegment[r.ReadInt32()];
        for (var i = 0; i < segments.Length; i++)
            segments[i] = new TextSegment((SegmentKind)r.ReadByte(), r.ReadString(), r.ReadString());
        return new ExtractedText(segments, notes, pagesWithoutText, pageCount) { Truncated = truncated, TextlessPages = textless };
    }
}
