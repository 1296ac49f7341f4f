using System.Buffers.Binary;
using System.Text;

namespace ClassScan.TestSupport.Documents;

/// <summary>
/// Writes a minimal OLE2 compound file (MS-CFB version 3, 512-byte sectors) with streams in the root storage,
/// e.g. the <c>EncryptionInfo</c>/<c>EncryptedPackage</c> pair of a password-protected OOXML file, or a
/// <c>WordDocument</c> stream of a legacy .doc. Streams are zero-padded to at least 4096 bytes (their declared
/// size too) so that none lives in the mini stream; at most about 60 KB in total (one FAT sector).
/// For format detection tests, not for Office.
/// </summary>
public static class CompoundFileWriter
{
    private const int SectorSize = 512;
    private const uint EndOfChain = 0xFFFFFFFE;
    private const uint FreeSect = 0xFFFFFFFF;
    private const uint FatSect = 0xFFFFFFFD;
    private const uint NoStream = 0xFFFFFFFF;

    public static byte[] Create(params (string Name, byte[] Data)[] streams)
    {
        var padded = streams.Select(s => (s.Name, Data: Pad(s.Data))).ToArray();
        int entries = padded.Length + 1;
        int dirSectors = (entries + 3) / 4;
        var dataSectors = padded.Select(s => s.Data.Length / SectorSize).ToArray();
        int total = 1 + dirSectors + dataSectors.Sum();
        if (total > 128) throw new ArgumentException("too much data for a single FAT sector");

        var fat = Enumerable.Repeat(FreeSect, 128).ToArray();
        fat[0] = FatSect;
        for (int i = 0; i < dirSectors; i++) fat[1 + i] = i == dirSectors - 1 ? EndOfChain : (uint)(2 + i);
        var starts = new uint[padded.Length];
        int next = 1 + dirSectors;
        for (int s = 0; s < padded.Length; s++)
        {
            starts[s] = (uint)next;
            for (int i = 0; i < dataSectors[s]; i++, next++) fat[next] = i == dataSectors[s] - 1 ? EndOfChain : (uint)(next + 1);
        }

        var file = new byte[SectorSize * (1 + total)];
        var h = file.AsSpan(0, SectorSize);
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(h);
        BinaryPrimitives.WriteUInt16LittleEndian(h[0x18..], 0x3E);
        BinaryPrimitives.WriteUInt16LittleEndian(h[0x1A..], 3);
        BinaryPrimitives.WriteUInt16LittleEndian(h[0x1C..], 0xFFFE);
        BinaryPrimitives.WriteUInt16LittleEndian(h[0x1E..], 9);
        BinaryPrimitives.WriteUInt16LittleEndian(h[0x20..], 6);
        BinaryPrimitives.WriteUInt32LittleEndian(h[0x2C..], 1); // FAT sectors
        BinaryPrimitives.WriteUInt32LittleEndian(h[0x30..], 1); // first directory sector
        BinaryPrimitives.WriteUInt32LittleEndian(h[0x38..], 4096);
        BinaryPrimitives.WriteUInt32LittleEndian(h[0x3C..], EndOfChain);
        BinaryPrimitives.WriteUInt32LittleEndian(h[0x44..], EndOfChain);
        for (int i = 0; i < 109; i++) BinaryPrimitives.WriteUInt32LittleEndian(h[(0x4C + (4 * i))..], i == 0 ? 0 : FreeSect);

        var fatSector = Sector(file, 0);
        for (int i = 0; i < 128; i++) BinaryPrimitives.WriteUInt32LittleEndian(fatSector[(4 * i)..], fat[i]);

        var dir = file.AsSpan(SectorSize * 2, dirSectors * SectorSize);
        for (int i = 0; i < dirSectors * 4; i++) WriteEntry(dir.Slice(i * 128, 128), null, 0, NoStream, NoStream, NoStream, EndOfChain, 0);
        WriteEntry(dir[..128], "Root Entry", 5, NoStream, NoStream, padded.Length > 0 ? 1u : NoStream, EndOfChain, 0);
        for (int s = 0; s < padded.Length; s++)
        {
            // A right-leaning chain of siblings: a valid (if unbalanced) directory tree.
            uint right = s + 1 < padded.Length ? (uint)(s + 2) : NoStream;
            WriteEntry(dir.Slice((s + 1) * 128, 128), padded[s].Name, 2, NoStream, right, NoStream, starts[s], (ulong)padded[s].Data.Length);
            padded[s].Data.CopyTo(file.AsSpan(SectorSize * (1 + (int)starts[s])));
        }
        return file;
    }

    private static Span<byte> Sector(byte[] file, int id) => file.AsSpan(SectorSize * (id + 1), SectorSize);

    private static byte[] Pad(byte[] data)
    {
        int size = Math.Max(4096, (data.Length + SectorSize - 1) / SectorSize * SectorSize);
        var result = new byte[size];
        data.CopyTo(result, 0);
        return result;
    }

    private static void WriteEntry(Span<byte> e, string? name, byte type, uint left, uint right, uint child, uint start, ulong size)
    {
        e.Clear();
        if (name is not null)
        {
            var bytes = Encoding.Unicode.GetBytes(name);
            bytes.CopyTo(e);
            BinaryPrimitives.WriteUInt16LittleEndian(e[0x40..], (ushort)(bytes.Length + 2));
        }
        e[0x42] = type;
        e[0x43] = 1; // black
        BinaryPrimitives.WriteUInt32LittleEndian(e[0x44..], left);
        BinaryPrimitives.WriteUInt32LittleEndian(e[0x48..], right);
        BinaryPrimitives.WriteUInt32LittleEndian(e[0x4C..], child);
        BinaryPrimitives.WriteUInt32LittleEndian(e[0x74..], start);
        BinaryPrimitives.WriteUInt64LittleEndian(e[0x78..], size);
    }
}
