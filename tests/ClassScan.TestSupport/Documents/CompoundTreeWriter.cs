using System.Buffers.Binary;
using System.Text;

namespace ClassScan.TestSupport.Documents;

/// <summary>
/// Writes an OLE2 compound file (MS-CFB version 3, 512-byte sectors) holding a tree of storages and streams, the
/// way Outlook lays out a .msg: streams under 4096 bytes in the mini stream (64-byte sectors), larger ones in
/// regular sectors. Siblings are chained to the right (a valid, if unbalanced, directory tree). Up to 109 FAT
/// sectors (about 7 MB). Test code: for building small documents, not for Office.
/// <code>var bytes = CompoundTreeWriter.Write(new CfbNode.Storage("Root Entry", [new CfbNode.Stream("a", data)]));</code>
/// </summary>
public static class CompoundTreeWriter
{
    private const int SectorSize = 512;
    private const int MiniSectorSize = 64;
    private const int MiniCutoff = 4096;
    private const uint EndOfChain = 0xFFFFFFFE;
    private const uint FreeSect = 0xFFFFFFFF;
    private const uint FatSect = 0xFFFFFFFD;
    private const uint NoStream = 0xFFFFFFFF;

    /// <summary>Writes <paramref name="root"/>'s children as the file's root storage (the root's name is ignored).</summary>
    public static byte[] Write(CfbNode.Storage root)
    {
        // Directory entries in breadth-first order, with each storage's children chained by right-sibling links.
        var entries = new List<(CfbNode Node, uint Right, uint Child)>();
        var queue = new Queue<(CfbNode Node, int Index)>();
        entries.Add((root, NoStream, NoStream));
        queue.Enqueue((root, 0));
        while (queue.Count > 0)
        {
            var (node, index) = queue.Dequeue();
            if (node is not CfbNode.Storage storage || storage.Children.Count == 0) continue;
            int first = entries.Count;
            for (int i = 0; i < storage.Children.Count; i++)
            {
                uint right = i + 1 < storage.Children.Count ? (uint)(first + i + 1) : NoStream;
                entries.Add((storage.Children[i], right, NoStream));
                queue.Enqueue((storage.Children[i], first + i));
            }
            entries[index] = (entries[index].Node, entries[index].Right, (uint)first);
        }

        // Small streams go to the mini stream, the rest to regular sectors.
        var mini = new MemoryStream();
        var miniFat = new List<uint>();
        var large = new List<(int Entry, byte[] Data)>();
        var start = new uint[entries.Count];
        for (int i = 0; i < entries.Count; i++)
        {
            start[i] = EndOfChain;
            if (entries[i].Node is not CfbNode.Stream { Data: var data } || data.Length == 0) continue;
            if (data.Length >= MiniCutoff)
            {
                large.Add((i, data));
                continue;
            }
            int sectors = (data.Length + MiniSectorSize - 1) / MiniSectorSize;
            start[i] = (uint)miniFat.Count;
            for (int s = 0; s < sectors; s++) miniFat.Add(s == sectors - 1 ? EndOfChain : (uint)(miniFat.Count + 1));
            mini.Write(data);
            mini.Write(new byte[(sectors * MiniSectorSize) - data.Length]);
        }

        int dirSectors = Sectors(entries.Count * 128);
        int miniFatSectors = Sectors(miniFat.Count * 4);
        int miniStreamSectors = Sectors((int)mini.Length);
        int largeSectors = large.Sum(l => Sectors(l.Data.Length));
        int dataSectors = dirSectors + miniFatSectors + miniStreamSectors + largeSectors;
        int fatSectors = 1;
        while (fatSectors * (SectorSize / 4) < fatSectors + dataSectors) fatSectors++;
        if (fatSectors > 109) throw new ArgumentException("too much data for the header's FAT list");

        var fat = Enumerable.Repeat(FreeSect, fatSectors * (SectorSize / 4)).ToArray();
        for (int i = 0; i < fatSectors; i++) fat[i] = FatSect;
        uint next = (uint)fatSectors;
        uint Chain(int sectors)
        {
            if (sectors == 0) return EndOfChain;
            uint first = next;
            for (int s = 0; s < sectors; s++, next++) fat[next] = s == sectors - 1 ? EndOfChain : next + 1;
            return first;
        }
        uint dirStart = Chain(dirSectors);
        uint miniFatStart = Chain(miniFatSectors);
        uint miniStreamStart = Chain(miniStreamSectors);
        foreach (var (entry, data) in large) start[entry] = Chain(Sectors(data.Length));

        var file = new byte[SectorSize * (1 + fatSectors + dataSectors)];
        var h = file.AsSpan(0, SectorSize);
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(h);
        BinaryPrimitives.WriteUInt16LittleEndian(h[0x18..], 0x3E);
        BinaryPrimitives.WriteUInt16LittleEndian(h[0x1A..], 3);
        BinaryPrimitives.WriteUInt16LittleEndian(h[0x1C..], 0xFFFE);
        BinaryPrimitives.WriteUInt16LittleEndian(h[0x1E..], 9);
        BinaryPrimitives.WriteUInt16LittleEndian(h[0x20..], 6);
        BinaryPrimitives.WriteUInt32LittleEndian(h[0x2C..], (uint)fatSectors);
        BinaryPrimitives.WriteUInt32LittleEndian(h[0x30..], dirStart);
        BinaryPrimitives.WriteUInt32LittleEndian(h[0x38..], MiniCutoff);
        BinaryPrimitives.WriteUInt32LittleEndian(h[0x3C..], miniFatStart);
        BinaryPrimitives.WriteUInt32LittleEndian(h[0x40..], (uint)miniFatSectors);
        BinaryPrimitives.WriteUInt32LittleEndian(h[0x44..], EndOfChain);
        for (int i = 0; i < 109; i++) BinaryPrimitives.WriteUInt32LittleEndian(h[(0x4C + (4 * i))..], i < fatSectors ? (uint)i : FreeSect);
        for (int i = 0; i < fat.Length; i++) BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(SectorSize + (4 * i)), fat[i]);

        var dir = file.AsSpan(Offset(dirStart), dirSectors * SectorSize);
        for (int i = 0; i < dirSectors * 4; i++) WriteEntry(dir.Slice(i * 128, 128), null, 0, NoStream, NoStream, EndOfChain, 0);
        for (int i = 0; i < entries.Count; i++)
        {
            var (node, right, child) = entries[i];
            var (name, type, size) = node switch
            {
                CfbNode.Stream s => (s.Name, (byte)2, (ulong)s.Data.Length),
                _ when i == 0 => ("Root Entry", (byte)5, (ulong)mini.Length),
                _ => (node.Name, (byte)1, 0UL),
            };
            uint first = i == 0 ? (mini.Length > 0 ? miniStreamStart : EndOfChain) : start[i];
            WriteEntry(dir.Slice(i * 128, 128), name, type, right, child, first, size);
        }
        var miniFatBytes = file.AsSpan(Offset(miniFatStart), miniFatSectors * SectorSize);
        for (int i = 0; i < miniFatSectors * (SectorSize / 4); i++)
            BinaryPrimitives.WriteUInt32LittleEndian(miniFatBytes[(4 * i)..], i < miniFat.Count ? miniFat[i] : FreeSect);
        if (mini.Length > 0) mini.ToArray().CopyTo(file, Offset(miniStreamStart));
        foreach (var (entry, data) in large) data.CopyTo(file, Offset(start[entry]));
        return file;
    }

    private static int Sectors(int bytes) => (bytes + SectorSize - 1) / SectorSize;

    private static int Offset(uint sector) => SectorSize * (1 + (int)sector);

    private static void WriteEntry(Span<byte> e, string? name, byte type, uint right, uint child, uint start, ulong size)
    {
        e.Clear();
        if (name is not null)
        {
            var bytes = Encoding.Unicode.GetBytes(name);
            if (bytes.Length > 62) throw new ArgumentException("directory entry names hold at most 31 characters", nameof(name));
            bytes.CopyTo(e);
            BinaryPrimitives.WriteUInt16LittleEndian(e[0x40..], (ushort)(bytes.Length + 2));
        }
        e[0x42] = type;
        e[0x43] = 1; // black
        BinaryPrimitives.WriteUInt32LittleEndian(e[0x44..], NoStream);
        BinaryPrimitives.WriteUInt32LittleEndian(e[0x48..], right);
        BinaryPrimitives.WriteUInt32LittleEndian(e[0x4C..], child);
        BinaryPrimitives.WriteUInt32LittleEndian(e[0x74..], start);
        BinaryPrimitives.WriteUInt64LittleEndian(e[0x78..], size);
    }
}
