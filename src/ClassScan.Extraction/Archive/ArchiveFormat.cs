using System.Buffers.Binary;

namespace ClassScan.Extraction.Archive;

/// <summary>The archive formats read as containers, told apart by their magic bytes (never by extension alone).</summary>
internal enum ArchiveFormat
{
    None,
    Zip,
    SevenZip,
    GZip,
    Tar,
}

/// <summary>Sniffs <see cref="ArchiveFormat"/> from a file's first bytes.</summary>
internal static class ArchiveMagic
{
    /// <summary>7z signature: '7' 'z' BC AF 27 1C.</summary>
    private static ReadOnlySpan<byte> SevenZip => [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C];

    /// <summary>POSIX and GNU tar put "ustar" at offset 257 of the first header.</summary>
    private const int UstarOffset = 257;

    public static ArchiveFormat Of(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 4 && BinaryPrimitives.ReadUInt32LittleEndian(head) is 0x04034B50 or 0x06054B50) return ArchiveFormat.Zip;
        if (head.StartsWith(SevenZip)) return ArchiveFormat.SevenZip;
        if (head.Length >= 3 && head[0] == 0x1F && head[1] == 0x8B && head[2] == 8) return ArchiveFormat.GZip;
        if (IsTar(head)) return ArchiveFormat.Tar;
        return ArchiveFormat.None;
    }

    public static bool IsTar(ReadOnlySpan<byte> head) =>
        head.Length >= UstarOffset + 5 && head.Slice(UstarOffset, 5).SequenceEqual("ustar"u8);
}
