using System.Buffers.Binary;
using System.Formats.Tar;
using System.IO.Compression;

namespace ClassScan.TestSupport.Documents;

/// <summary>
/// Archives built in code for the archive tests (zip, tar.gz, gzip): the files in them are the other builders'
/// synthetic documents, so no archive needs to be committed. Nesting is an entry whose content is another archive.
/// </summary>
public static class TestArchives
{
    /// <summary>A zip of the entries, in order, deflated.</summary>
    public static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var s = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                s.Write(content);
            }
        }
        return ms.ToArray();
    }

    /// <summary>
    /// The zip with every entry named <paramref name="entryName"/> marked encrypted (general purpose bit 0, in the local
    /// and the central header): how a reader sees a password-protected entry, without a password tool.
    /// </summary>
    public static byte[] MarkEncrypted(byte[] zip, string entryName)
    {
        var bytes = (byte[])zip.Clone();
        var name = System.Text.Encoding.UTF8.GetBytes(entryName);
        for (var i = 0; i + 46 <= bytes.Length; i++)
        {
            var sig = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i));
            int nameAt, nameLength;
            if (sig == 0x04034B50) (nameAt, nameLength) = (i + 30, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(i + 26)));
            else if (sig == 0x02014B50) (nameAt, nameLength) = (i + 46, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(i + 28)));
            else continue;
            if (nameAt + nameLength > bytes.Length || !bytes.AsSpan(nameAt, nameLength).SequenceEqual(name)) continue;
            var flagsAt = sig == 0x04034B50 ? i + 6 : i + 8;
            bytes[flagsAt] |= 1;
        }
        return bytes;
    }

    /// <summary>A gzip of one file's bytes.</summary>
    public static byte[] GZip(byte[] content)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Optimal, leaveOpen: true)) gz.Write(content);
        return ms.ToArray();
    }

    /// <summary>A POSIX (ustar/pax) tar of the entries, in order.</summary>
    public static byte[] Tar(params (string Name, byte[] Content)[] entries)
    {
        using var ms = new MemoryStream();
        using (var tar = new TarWriter(ms, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
                tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(content) });
        }
        return ms.ToArray();
    }

    /// <summary>A .tar.gz (.tgz) of the entries.</summary>
    public static byte[] TarGz(params (string Name, byte[] Content)[] entries) => GZip(Tar(entries));
}
