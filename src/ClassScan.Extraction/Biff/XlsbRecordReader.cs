using System.Buffers.Binary;
using System.Text;
using ClassScan.Extraction.Internal;

namespace ClassScan.Extraction.Biff;

/// <summary>
/// Reads the BIFF12 records of one .xlsb part from its (inflating, forward-only) stream: a record type of one or
/// two 7-bit groups and a size of up to four ([MS-XLSB] 2.1.4). Only the records the caller wants are buffered; the
/// buffer grows with the bytes that actually arrive, so a size claimed by a crafted record never becomes an
/// allocation by itself, and a part cannot yield more bytes than the zip directory declared for it.
/// </summary>
internal sealed class XlsbRecordReader(Stream stream, long declaredLength)
{
    private const int MaxBufferedRecord = 64 * 1024 * 1024;

    private byte[] body = new byte[256];
    private long consumed;

    public int Type { get; private set; }

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Body => body.AsSpan(0, Length);

    /// <summary>
    /// Reads the next record; its body only when <paramref name="wanted"/> says so for its type (otherwise skipped).
    /// False at the end of the part; a record cut off by the end also ends the part.
    /// </summary>
    public bool Next(Func<int, bool> wanted)
    {
        int b = ReadByte();
        if (b < 0) return false;
        int type = b & 0x7F;
        if ((b & 0x80) != 0)
        {
            int b2 = ReadByte();
            if (b2 < 0) return false;
            type |= (b2 & 0x7F) << 7;
        }
        int size = 0;
        for (int i = 0; i < 4; i++)
        {
            int s = ReadByte();
            if (s < 0) return false;
            size |= (s & 0x7F) << (7 * i);
            if ((s & 0x80) == 0) break;
        }
        Type = type;
        if (!wanted(type) || size > MaxBufferedRecord)
        {
            Length = 0;
            return Skip(size);
        }
        return ReadBody(size);
    }

    private bool ReadBody(int size)
    {
        int filled = 0;
        while (filled < size)
        {
            if (filled == body.Length)
                Array.Resize(ref body, (int)Math.Min(size, Math.Max(body.Length * 2L, 4096)));
            int n = Read(body.AsSpan(filled, Math.Min(body.Length, size) - filled));
            if (n == 0) return false;
            filled += n;
        }
        Length = size;
        return true;
    }

    private bool Skip(int size)
    {
        Span<byte> scratch = stackalloc byte[4096];
        while (size > 0)
        {
            int n = Read(scratch[..Math.Min(size, scratch.Length)]);
            if (n == 0) return false;
            size -= n;
        }
        return true;
    }

    private int ReadByte()
    {
        Span<byte> one = stackalloc byte[1];
        return Read(one) == 1 ? one[0] : -1;
    }

    private int Read(Span<byte> target)
    {
        int n = stream.Read(target);
        consumed += n;
        if (consumed > declaredLength) throw ExtractionStop.Corrupt("xlsb part longer than its zip entry says");
        return n;
    }

    /// <summary>XLWideString ([MS-XLSB] 2.5.166): a 32-bit character count and UTF-16; null when it does not fit.</summary>
    public static string? WideString(ReadOnlySpan<byte> data, ref int offset)
    {
        if (offset + 4 > data.Length) return null;
        uint cch = BinaryPrimitives.ReadUInt32LittleEndian(data[offset..]);
        offset += 4;
        if (cch == 0xFFFFFFFF) return null; // XLNullableWideString's null
        if (cch > (uint)(data.Length - offset) / 2) return null;
        var text = Encoding.Unicode.GetString(data.Slice(offset, (int)cch * 2));
        offset += (int)cch * 2;
        return text;
    }
}
