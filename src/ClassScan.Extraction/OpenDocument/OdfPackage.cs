using System.IO.Compression;
using System.Xml;
using ClassScan.Core.Documents;
using ClassScan.Extraction.Internal;

namespace ClassScan.Extraction.OpenDocument;

/// <summary>
/// Parts of a zip package (OpenDocument, EPUB: both OASIS/IDPF "OCF" containers) read as XML with the
/// <see cref="SafeXml"/> settings, and the zip's first entry <c>mimetype</c>, which names the format.
/// </summary>
internal static class OdfPackage
{
    /// <summary>Reads the entry <paramref name="name"/> if present; false when the package has no such entry.</summary>
    public static bool ReadXml(ZipArchive zip, string name, ExtractionLimits limits, Action<XmlReader> read)
    {
        var entry = zip.GetEntry(name);
        if (entry is null) return false;
        ReadXml(entry, limits, read);
        return true;
    }

    /// <summary>Streams one entry through a safe XML reader; malformed XML names the entry, never its content.</summary>
    public static void ReadXml(ZipArchiveEntry entry, ExtractionLimits limits, Action<XmlReader> read)
    {
        try
        {
            using var reader = SafeXml.Create(entry.Open(), limits);
            read(reader);
        }
        catch (XmlException ex)
        {
            throw ExtractionStop.Corrupt($"malformed XML in {entry.FullName} (line {ex.LineNumber})");
        }
    }

    /// <summary>
    /// Whether META-INF/manifest.xml gives any entry <c>manifest:encryption-data</c>: the file was saved with a
    /// password, and its content.xml is ciphertext.
    /// </summary>
    public static bool IsEncrypted(ZipArchive zip, ExtractionLimits limits)
    {
        bool encrypted = false;
        ReadXml(zip, "META-INF/manifest.xml", limits, r =>
        {
            while (!encrypted && r.Read())
            {
                if (r.NodeType == XmlNodeType.Element && r.LocalName == "encryption-data") encrypted = true;
            }
        });
        return encrypted;
    }
}
