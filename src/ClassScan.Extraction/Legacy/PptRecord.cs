using System.Buffers.Binary;

namespace ClassScan.Extraction.Legacy;

/// <summary>
/// One record of a PowerPoint binary stream ([MS-PPT] 2.3.1 RecordHeader): recVer (4 bits, 0xF = container),
/// recInstance (12 bits), recType and recLen, then recLen bytes of body. <see cref="TryRead"/> only yields a
/// record whose body lies inside its bounds, so a walk can never step outside the stream or its parent.
/// </summary>
internal readonly record struct PptRecord(int Offset, int Version, int Instance, int Type, int Length)
{
    public const int HeaderSize = 8;

    public bool IsContainer => Version == 0xF;

    public int BodyOffset => Offset + HeaderSize;

    public int End => BodyOffset + Length;

    /// <summary>Reads the record at <paramref name="offset"/>, which must end by <paramref name="limit"/>.</summary>
    public static bool TryRead(byte[] data, int offset, int limit, out PptRecord record)
    {
        record = default;
        if (offset < 0 || limit > data.Length || (long)offset + HeaderSize > limit) return false;
        ushort verInstance = BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(offset));
        ushort type = BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(offset + 2));
        uint length = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(offset + 4));
        if (length > (uint)(limit - offset - HeaderSize)) return false;
        record = new PptRecord(offset, verInstance & 0xF, verInstance >> 4, type, (int)length);
        return true;
    }

    /// <summary>The record's children (a container's body read as records), stopping at the first that does not fit.</summary>
    public IEnumerable<PptRecord> Children(byte[] data)
    {
        int pos = BodyOffset;
        while (TryRead(data, pos, End, out var child))
        {
            yield return child;
            pos = child.End;
        }
    }

    public uint UInt32At(byte[] data, int bodyOffset) =>
        bodyOffset + 4 <= Length ? BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(BodyOffset + bodyOffset)) : 0;
}
