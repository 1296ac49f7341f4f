using System.Buffers.Binary;
using ClassScan.Core.Documents;
using ClassScan.Extraction.Internal;

namespace ClassScan.Extraction.Mail;

/// <summary>
/// Decompresses an Outlook RTF body (PidTagRtfCompressed, [MS-OXRTFCP]): a 16-byte header (COMPSIZE, RAWSIZE,
/// COMPTYPE, CRC) then either the raw RTF ("MELA") or LZ77-style runs ("LZFu") over a 4096-byte ring dictionary
/// preloaded with 207 bytes of common RTF. The CRC of compressed content is checked, the output never grows past
/// RAWSIZE nor the caller's bound, and a reference can only point into the ring, so no input can overrun or hang.
/// A damaged stream stops the extraction as corrupt. Stateless and thread-safe.
/// </summary>
internal static class CompressedRtf
{
    public const int HeaderSize = 16;

    private const uint Compressed = 0x75465A4C; // "LZFu"
    private const uint Uncompressed = 0x414C454D; // "MELA"
    private const int DictionarySize = 4096;

    // One LZFu run is a control byte and eight tokens; a reference token (2 bytes) yields at most 17 bytes, so a
    // real stream inflates at most 136/17 = 8 times. A RAWSIZE claiming more is not a stream any writer made.
    private const int MaxInflation = 8;

    /// <summary>[MS-OXRTFCP] 2.1.3.1.1: the dictionary's initial content, 207 bytes.</summary>
    internal static ReadOnlySpan<byte> Preload =>
        "{\\rtf1\\ansi\\mac\\deff0\\deftab720{\\fonttbl;}{\\f0\\fnil \\froman \\fswiss \\fmodern \\fscript \\fdecor MS Sans SerifSymbolArialTimes New RomanCourier{\\colortbl\\red0\\green0\\blue0\r\n\\par \\pard\\plain\\f0\\fs20\\b\\i\\u\\tab\\tx"u8;

    private static readonly uint[] CrcTable = BuildCrcTable();

    /// <summary>
    /// The RTF bytes of <paramref name="data"/>. Stops the extraction as corrupt for a bad header, CRC or
    /// truncated stream, and at the limit when the RTF would pass <paramref name="maxBytes"/>.
    /// </summary>
    public static byte[] Decompress(ReadOnlySpan<byte> data, long maxBytes, CancellationToken ct)
    {
        if (data.Length < HeaderSize) throw Corrupt("shorter than its header");
        uint compSize = BinaryPrimitives.ReadUInt32LittleEndian(data);
        uint rawSize = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
        uint type = BinaryPrimitives.ReadUInt32LittleEndian(data[8..]);
        uint crc = BinaryPrimitives.ReadUInt32LittleEndian(data[12..]);
        // COMPSIZE counts the content plus the 12 header bytes after itself; padding may follow the content.
        if (compSize < HeaderSize - 4 || compSize - (HeaderSize - 4) > (uint)(data.Length - HeaderSize)) throw Corrupt("truncated");
        var contents = data.Slice(HeaderSize, (int)(compSize - (HeaderSize - 4)));

        if (type == Uncompressed)
        {
            // The CRC of raw content "MUST be 0", but writers differ; raw RTF needs no check to be read safely.
            var raw = contents[..(int)Math.Min(rawSize, (uint)contents.Length)];
            if (raw.Length > maxBytes) throw TooLarge(maxBytes);
            return raw.ToArray();
        }
        if (type != Compressed) throw Corrupt("unknown compression type");
        if (Crc(contents) != crc) throw Corrupt("CRC mismatch");
        if (rawSize > (long)contents.Length * MaxInflation) throw Corrupt("size larger than the content can hold");
        if (rawSize > Math.Min(maxBytes, Array.MaxLength)) throw TooLarge(Math.Min(maxBytes, Array.MaxLength));
        return Inflate(contents, (int)rawSize, ct);
    }

    /// <summary>[MS-OXRTFCP] 2.1.3.2: the CRC-32 table of polynomial 0xEDB88320, from 0, without the final inversion.</summary>
    internal static uint Crc(ReadOnlySpan<byte> data)
    {
        uint crc = 0;
        foreach (var b in data) crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return crc;
    }

    private static byte[] Inflate(ReadOnlySpan<byte> contents, int rawSize, CancellationToken ct)
    {
        var output = new byte[rawSize];
        Span<byte> dictionary = stackalloc byte[DictionarySize];
        Preload.CopyTo(dictionary);
        int write = Preload.Length;
        int op = 0;
        int ip = 0;
        int runs = 0;
        while (ip < contents.Length)
        {
            if ((++runs & 0x3FFF) == 0) ct.ThrowIfCancellationRequested();
            byte control = contents[ip++];
            for (int bit = 0; bit < 8; bit++)
            {
                if ((control & (1 << bit)) == 0)
                {
                    if (ip >= contents.Length) return Done(output, op);
                    if (op == output.Length) return output;
                    byte literal = contents[ip++];
                    output[op++] = literal;
                    dictionary[write] = literal;
                    write = (write + 1) & (DictionarySize - 1);
                    continue;
                }
                if (ip + 2 > contents.Length) throw Corrupt("truncated reference");
                int word = (contents[ip] << 8) | contents[ip + 1];
                ip += 2;
                int offset = word >> 4;
                // A reference to the current write position marks the end of the compressed data.
                if (offset == write) return Done(output, op);
                int length = (word & 0xF) + 2;
                for (int k = 0; k < length; k++)
                {
                    if (op == output.Length) return output;
                    byte b = dictionary[(offset + k) & (DictionarySize - 1)];
                    output[op++] = b;
                    dictionary[write] = b;
                    write = (write + 1) & (DictionarySize - 1);
                }
            }
        }
        return Done(output, op);
    }

    private static byte[] Done(byte[] output, int written) => written == output.Length ? output : output[..written];

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            uint c = i;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            table[i] = c;
        }
        return table;
    }

    private static ExtractionStop Corrupt(string why) => ExtractionStop.Corrupt($"invalid compressed RTF body: {why}");

    private static ExtractionStop TooLarge(long maxBytes) =>
        ExtractionStop.Limit(nameof(ExtractionLimits.MaxUncompressedBytes), $"RTF body larger than {maxBytes:N0} bytes (MaxUncompressedBytes)");
}
