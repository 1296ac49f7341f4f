using System.Buffers.Binary;

namespace ClassScan.TestSupport.Documents;

/// <summary>
/// Writes PidTagRtfCompressed streams ([MS-OXRTFCP]) for tests: "MELA" (stored raw) or "LZFu" made only of
/// literal tokens (valid LZFu that does not compress; real compressed vectors come from the specification's
/// examples). The CRC is computed here independently of the reader under test.
/// </summary>
public static class CompressedRtfWriter
{
    public static byte[] Uncompressed(byte[] rtf)
    {
        var result = new byte[16 + rtf.Length];
        Header(result, (uint)rtf.Length, 0x414C454D, 0);
        rtf.CopyTo(result, 16);
        return result;
    }

    public static byte[] LiteralsOnly(byte[] rtf)
    {
        var contents = new List<byte>();
        int write = 207 + rtf.Length; // where the dictionary's write position ends
        int i = 0;
        while (true)
        {
            int literals = Math.Min(8, rtf.Length - i);
            if (literals == 8)
            {
                contents.Add(0);
                contents.AddRange(rtf.AsSpan(i, 8).ToArray());
                i += 8;
                continue;
            }
            // The last run: the remaining literals, then the end marker (a reference to the write position).
            contents.Add((byte)(1 << literals));
            contents.AddRange(rtf.AsSpan(i, literals).ToArray());
            int end = (write & 0xFFF) << 4;
            contents.Add((byte)(end >> 8));
            contents.Add((byte)end);
            break;
        }
        var body = contents.ToArray();
        var result = new byte[16 + body.Length];
        Header(result, (uint)rtf.Length, 0x75465A4C, Crc(body));
        body.CopyTo(result, 16);
        return result;
    }

    /// <summary>[MS-OXRTFCP] 2.1.3.2: CRC-32 (reflected polynomial 0xEDB88320) from 0, no final inversion.</summary>
    public static uint Crc(ReadOnlySpan<byte> data)
    {
        uint crc = 0;
        foreach (var b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
        }
        return crc;
    }

    private static void Header(byte[] result, uint rawSize, uint type, uint crc)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(result, (uint)(result.Length - 4));
        BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(4), rawSize);
        BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(8), type);
        BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(12), crc);
    }
}
