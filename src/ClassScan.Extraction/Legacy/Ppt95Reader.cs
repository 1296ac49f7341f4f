using System.Buffers.Binary;
using System.Text;
using ClassScan.Core.Documents;
using ClassScan.Extraction.Internal;

namespace ClassScan.Extraction.Legacy;

/// <summary>
/// Reads the text of a PowerPoint 4.0/95 presentation (the "PP40" stream of its compound file). Microsoft never
/// published this format (Apache POI and LibreOffice refuse it), but its text is stored as records of type 1 with a
/// 32-bit length and the characters in the Windows code page, one per text object, with carriage returns between
/// paragraphs. Those records are found by shape, not by walking a documented record tree, so slide boundaries are
/// unknown: the text comes as one segment for the presentation, in stream order. A record is taken only when every
/// byte of it is text and it holds a letter or digit, so binary data that happens to begin like one is left out.
/// Over-reading a stray string is the safe side here; missing a slide's text is not.
/// </summary>
internal static class Ppt95Reader
{
    private const int HeaderBytes = 6;
    private const int MaxRecordChars = 65536;
    public const string Location = "presentationen (PowerPoint 95)";

    public static void Read(byte[] stream, SegmentCollector c)
    {
        var text = new StringBuilder();
        var encoding = Text.TextDecoding.Windows1252;
        int records = 0;
        for (int pos = 0; pos + HeaderBytes < stream.Length; pos++)
        {
            if (stream[pos] != 0x01 || stream[pos + 1] != 0x00) continue;
            uint length = BinaryPrimitives.ReadUInt32LittleEndian(stream.AsSpan(pos + 2));
            if (length is < 2 or > MaxRecordChars || pos + HeaderBytes + length > stream.Length) continue;
            var body = stream.AsSpan(pos + HeaderBytes, (int)length);
            if (!IsText(body)) continue;
            foreach (var ch in encoding.GetString(body))
                text.Append(ch is '\r' or '\v' ? '\n' : ch);
            text.Append('\n');
            c.EnsureRoom(text, SegmentKind.Body, Location);
            pos += HeaderBytes + (int)length - 1;
            if ((++records & 1023) == 0) c.Token.ThrowIfCancellationRequested();
        }
        if (text.Length == 0) return;
        c.Flush(SegmentKind.Body, Location, text);
        c.Note("PowerPoint 95-presentation: texten läst ur textposterna (formatet är inte publicerat, bildgränser okända)");
    }

    /// <summary>Only printable Windows-1252 characters, tabs and breaks, and at least one letter or digit.</summary>
    private static bool IsText(ReadOnlySpan<byte> body)
    {
        bool alphanumeric = false;
        foreach (var b in body)
        {
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\r' or (byte)'\n' or 0x0B)) return false;
            if (b is 0x7F or 0x81 or 0x8D or 0x8F or 0x90 or 0x9D) return false; // unassigned in Windows-1252
            if (b is >= (byte)'0' and <= (byte)'9' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z' or >= 0xC0) alphanumeric = true;
        }
        return alphanumeric;
    }
}
