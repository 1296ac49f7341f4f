using System.Buffers.Binary;

namespace ClassScan.Extraction.Biff;

/// <summary>
/// One record of a BIFF stream (any version from Excel 2.x to 97-2003): a 16-bit type, a 16-bit length, the data.
/// <see cref="Start"/> is where the data begins.
/// </summary>
internal readonly record struct BiffRecord(ushort Type, int Start, int Length)
{
    public int End => Start + Length;

    public int Next => Start + Length;

    /// <summary>
    /// The record at <paramref name="pos"/>; false at the end of the stream or when the record claims more bytes than
    /// are left (a cut-off file: what was read before stands).
    /// </summary>
    public static bool TryRead(byte[] data, int pos, out BiffRecord record)
    {
        record = default;
        if (pos < 0 || pos + 4 > data.Length) return false;
        int length = BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(pos + 2));
        if (pos + 4 + length > data.Length) return false;
        record = new BiffRecord(BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(pos)), pos + 4, length);
        return true;
    }
}
