using System.Buffers.Binary;
using System.Text;
using ClassScan.Core.Documents;
using ClassScan.Extraction.Internal;

namespace ClassScan.Extraction.Cfb;

/// <summary>
/// A minimal, bounds-checked reader of an OLE2 compound file (MS-CFB): enough to list the directory entries and
/// the children of a storage, and to read a stream (or its first bytes). Every chain walk is bounded by the number
/// of sectors in the file, so a crafted FAT loop or an out-of-range sector cannot hang or overrun. A damaged file stops the extraction as <see cref="ExtractionResult.Corrupt"/>.
/// </summary>
internal sealed class CompoundFile
{
    public static ReadOnlySpan<byte> Signature => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private const uint EndOfChain = 0xFFFFFFFE;
    private const uint MaxRegularSector = 0xFFFFFFFA;
    private const int HeaderDifatEntries = 109;

    private readonly Stream stream;
    private readonly int sectorSize;
    private readonly long sectorCount;
    private readonly uint[] fat;
    private readonly uint miniStreamCutoff;
    private readonly uint firstMiniFatSector;

    // By directory index (stream ID): the allocated entries and their tree links; null where unallocated.
    private CompoundFileEntry?[] directory = [];
    private (uint Left, uint Right, uint Child)[] links = [];

    // Built on the first mini-stream read: a message holds hundreds of small streams, each read once.
    private List<uint>? miniContainer;
    private List<uint>? miniFat;

    private CompoundFile(Stream stream, int sectorSize, long sectorCount, uint[] fat, uint miniStreamCutoff, uint firstMiniFatSector)
    {
        this.stream = stream;
        this.sectorSize = sectorSize;
        this.sectorCount = sectorCount;
        this.fat = fat;
        this.miniStreamCutoff = miniStreamCutoff;
        this.firstMiniFatSector = firstMiniFatSector;
    }

    /// <summary>Allocated storages and streams (not the tree: a flat list is all the checks need).</summary>
    public IReadOnlyList<CompoundFileEntry> Entries { get; private set; } = [];

    public static CompoundFile Open(Stream stream, CancellationToken ct)
    {
        stream.Position = 0;
        var header = new byte[512];
        if (ReadFully(stream, header) < header.Length) throw Corrupt("truncated header");
        if (!header.AsSpan(0, 8).SequenceEqual(Signature)) throw Corrupt("bad signature");

        int sectorShift = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(0x1E));
        if (sectorShift is not (9 or 12)) throw Corrupt("unsupported sector size");
        int sectorSize = 1 << sectorShift;
        long sectorCount = Math.Max(0, (stream.Length - sectorSize + sectorSize - 1) / sectorSize);

        uint fatSectors = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(0x2C));
        uint firstDir = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(0x30));
        uint cutoff = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(0x38));
        uint firstMiniFat = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(0x3C));
        uint firstDifat = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(0x44));
        if (fatSectors > sectorCount) throw Corrupt("FAT larger than file");

        // The FAT sector list: 109 entries in the header, the rest in a chain of DIFAT sectors.
        var fatSectorIds = new List<uint>((int)fatSectors);
        for (int i = 0; i < HeaderDifatEntries && fatSectorIds.Count < fatSectors; i++)
            fatSectorIds.Add(BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(0x4C + (4 * i))));
        var probe = new CompoundFile(stream, sectorSize, sectorCount, [], cutoff, firstMiniFat);
        var sector = new byte[sectorSize];
        uint difat = firstDifat;
        long guard = 0;
        while (fatSectorIds.Count < fatSectors && difat <= MaxRegularSector)
        {
            if (++guard > sectorCount) throw Corrupt("DIFAT loop");
            probe.ReadSector(difat, sector);
            int perSector = (sectorSize / 4) - 1;
            for (int i = 0; i < perSector && fatSectorIds.Count < fatSectors; i++)
                fatSectorIds.Add(BinaryPrimitives.ReadUInt32LittleEndian(sector.AsSpan(4 * i)));
            difat = BinaryPrimitives.ReadUInt32LittleEndian(sector.AsSpan(sectorSize - 4));
        }

        int perFatSector = sectorSize / 4;
        var fat = new uint[(long)fatSectorIds.Count * perFatSector];
        for (int i = 0; i < fatSectorIds.Count; i++)
        {
            if ((i & 255) == 0) ct.ThrowIfCancellationRequested();
            probe.ReadSector(fatSectorIds[i], sector);
            for (int j = 0; j < perFatSector; j++)
                fat[(i * perFatSector) + j] = BinaryPrimitives.ReadUInt32LittleEndian(sector.AsSpan(4 * j));
        }

        var file = new CompoundFile(stream, sectorSize, sectorCount, fat, cutoff, firstMiniFat);
        file.Entries = file.ReadDirectory(firstDir, ct);
        return file;
    }

    public CompoundFileEntry? Find(string name) =>
        Entries.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The entries directly inside <paramref name="storage"/> (a storage or the root), in no particular order.
    /// A damaged tree (a loop, a link out of the directory or to an unallocated entry) is cut there, so each
    /// entry is listed at most once.
    /// </summary>
    public IReadOnlyList<CompoundFileEntry> Children(CompoundFileEntry storage)
    {
        var result = new List<CompoundFileEntry>();
        if (storage.Id < 0 || storage.Id >= links.Length || !ReferenceEquals(directory[storage.Id], storage)) return result;
        var seen = new HashSet<uint> { (uint)storage.Id };
        var pending = new Stack<uint>();
        pending.Push(links[storage.Id].Child);
        while (pending.Count > 0)
        {
            uint id = pending.Pop();
            if (id >= directory.Length || !seen.Add(id) || directory[id] is not { } entry) continue;
            result.Add(entry);
            pending.Push(links[id].Right);
            pending.Push(links[id].Left);
        }
        return result;
    }

    /// <summary>
    /// The stream or storage <paramref name="name"/> directly in the root storage, found through the directory's
    /// sibling tree: unlike <see cref="Find"/> never an embedded object's entry of the same name (a .doc embedded
    /// in a .doc has its own WordDocument stream). Falls back to <see cref="Find"/> when the tree is unusable.
    /// </summary>
    public CompoundFileEntry? FindInRoot(string name)
    {
        if (Entries.Count == 0 || Entries[0].Type != CompoundFileEntryType.Root) return Find(name);
        var top = Children(Entries[0]);
        if (top.Count == 0) return Find(name);
        return top.Where(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase)).MinBy(e => e.Id);
    }

    /// <summary>
    /// Reads a whole stream entry. The size in the directory is the file's claim, so it is checked against the
    /// file's length and <paramref name="maxBytes"/> before anything is allocated; a chain shorter than the size
    /// is a damaged file.
    /// </summary>
    public byte[] ReadStream(CompoundFileEntry entry, long maxBytes)
    {
        if (entry.Type != CompoundFileEntryType.Stream) throw Corrupt("entry is not a stream");
        if (entry.Size > (ulong)Math.Min(stream.Length, Math.Min(maxBytes, int.MaxValue)))
            throw Corrupt("stream larger than the file");
        var data = ReadPrefix(entry, (int)entry.Size);
        if ((ulong)data.Length != entry.Size) throw Corrupt("stream shorter than its size");
        return data;
    }

    /// <summary>
    /// Reads up to <paramref name="maxBytes"/> from the start of a stream entry; never more than the file holds,
    /// whatever size the entry claims.
    /// </summary>
    public byte[] ReadPrefix(CompoundFileEntry entry, int maxBytes)
    {
        int want = (int)Math.Min(Math.Min((ulong)Math.Max(0, maxBytes), entry.Size), (ulong)stream.Length);
        var result = new byte[want];
        if (want == 0) return result;
        if (entry.Size < miniStreamCutoff && entry.Type != CompoundFileEntryType.Root)
        {
            ReadMini(entry.StartSector, result);
            return result;
        }
        var sector = new byte[sectorSize];
        int filled = 0;
        foreach (var id in Chain(entry.StartSector))
        {
            ReadSector(id, sector);
            int n = Math.Min(sectorSize, want - filled);
            sector.AsSpan(0, n).CopyTo(result.AsSpan(filled));
            filled += n;
            if (filled == want) break;
        }
        return filled == want ? result : result[..filled];
    }

    private List<CompoundFileEntry> ReadDirectory(uint firstDir, CancellationToken ct)
    {
        var entries = new List<CompoundFileEntry>();
        var byId = new List<CompoundFileEntry?>();
        var tree = new List<(uint, uint, uint)>();
        var sector = new byte[sectorSize];
        foreach (var id in Chain(firstDir))
        {
            ct.ThrowIfCancellationRequested();
            ReadSector(id, sector);
            for (int off = 0; off + 128 <= sectorSize; off += 128)
            {
                var e = sector.AsSpan(off, 128);
                var type = (CompoundFileEntryType)e[0x42];
                byId.Add(null);
                tree.Add((BinaryPrimitives.ReadUInt32LittleEndian(e[0x44..]), BinaryPrimitives.ReadUInt32LittleEndian(e[0x48..]),
                    BinaryPrimitives.ReadUInt32LittleEndian(e[0x4C..])));
                if (type is not (CompoundFileEntryType.Storage or CompoundFileEntryType.Stream or CompoundFileEntryType.Root)) continue;
                int nameBytes = BinaryPrimitives.ReadUInt16LittleEndian(e[0x40..]);
                nameBytes = Math.Clamp(nameBytes - 2, 0, 62) & ~1; // length includes the terminating NUL
                var name = Encoding.Unicode.GetString(e[..nameBytes]);
                uint start = BinaryPrimitives.ReadUInt32LittleEndian(e[0x74..]);
                ulong size = BinaryPrimitives.ReadUInt64LittleEndian(e[0x78..]);
                if (sectorSize == 512) size &= 0xFFFFFFFF; // version 3: the high half is undefined
                var entry = new CompoundFileEntry(name, type, start, size) { Id = byId.Count - 1 };
                byId[^1] = entry;
                entries.Add(entry);
            }
        }
        if (entries.Count == 0 || entries[0].Type != CompoundFileEntryType.Root) throw Corrupt("no root directory entry");
        directory = [.. byId];
        links = [.. tree];
        return entries;
    }

    private void ReadMini(uint startMini, byte[] target)
    {
        // Mini streams live in 64-byte sectors inside the root entry's stream, chained by the mini FAT.
        var container = miniContainer ??= Chain(Entries[0].StartSector).ToList();
        var sector = new byte[sectorSize];
        if (this.miniFat is null)
        {
            var table = new List<uint>();
            foreach (var id in Chain(firstMiniFatSector))
            {
                ReadSector(id, sector);
                for (int j = 0; j < sectorSize / 4; j++) table.Add(BinaryPrimitives.ReadUInt32LittleEndian(sector.AsSpan(4 * j)));
            }
            this.miniFat = table;
        }
        var miniFat = this.miniFat;
        const int MiniSize = 64;
        int filled = 0;
        uint mini = startMini;
        long guard = 0;
        while (filled < target.Length && mini <= MaxRegularSector)
        {
            if (++guard > miniFat.Count + 1) throw Corrupt("mini FAT loop");
            long offset = (long)mini * MiniSize;
            long index = offset / sectorSize;
            if (index >= container.Count) throw Corrupt("mini sector outside mini stream");
            ReadSector(container[(int)index], sector);
            int inSector = (int)(offset % sectorSize);
            int n = Math.Min(MiniSize, target.Length - filled);
            sector.AsSpan(inSector, n).CopyTo(target.AsSpan(filled));
            filled += n;
            mini = mini < miniFat.Count ? miniFat[(int)mini] : EndOfChain;
        }
    }

    private IEnumerable<uint> Chain(uint start)
    {
        uint id = start;
        long steps = 0;
        while (id <= MaxRegularSector)
        {
            if (++steps > sectorCount + 1) throw Corrupt("sector chain loop");
            yield return id;
            if (id >= fat.Length) throw Corrupt("sector chain outside FAT");
            id = fat[id];
        }
    }

    private void ReadSector(uint id, byte[] buffer)
    {
        if (id >= sectorCount) throw Corrupt("sector outside file");
        stream.Position = ((long)id + 1) * sectorSize;
        int n = ReadFully(stream, buffer);
        if (n < buffer.Length) Array.Clear(buffer, n, buffer.Length - n); // a short last sector is common
    }

    private static int ReadFully(Stream s, byte[] buffer)
    {
        int total = 0;
        int n;
        while (total < buffer.Length && (n = s.Read(buffer, total, buffer.Length - total)) > 0) total += n;
        return total;
    }

    private static ExtractionStop Corrupt(string why) => ExtractionStop.Corrupt($"invalid OLE2 compound file: {why}");
}
