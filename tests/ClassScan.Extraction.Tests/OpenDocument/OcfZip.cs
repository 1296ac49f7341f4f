using System.IO.Compression;
using System.Text;

namespace ClassScan.Extraction.Tests.OpenDocument;

/// <summary>Builds OCF zips (OpenDocument, EPUB) in memory: a stored <c>mimetype</c> entry first, then the parts.</summary>
internal static class OcfZip
{
    public const string Odt = "application/vnd.oasis.opendocument.text";
    public const string Ods = "application/vnd.oasis.opendocument.spreadsheet";
    public const string Epub = "application/epub+zip";

    public const string ContentHead = """
        <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
          xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
          xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" office:version="1.3">
        """;

    /// <summary>A package: <paramref name="mediaType"/> (null: no mimetype entry) and the named parts in order.</summary>
    public static byte[] Create(string? mediaType, params (string Name, string Content)[] parts)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            if (mediaType is not null) Write(zip, "mimetype", mediaType, CompressionLevel.NoCompression);
            foreach (var (name, content) in parts) Write(zip, name, content, CompressionLevel.Optimal);
        }
        return ms.ToArray();
    }

    /// <summary>An .odt/.ods whose content.xml body is <paramref name="body"/> (inside office:body).</summary>
    public static byte[] Content(string mediaType, string body) =>
        Create(mediaType, ("content.xml", ContentHead + "<office:body>" + body + "</office:body></office:document-content>"));

    private static void Write(ZipArchive zip, string name, string content, CompressionLevel level)
    {
        using var s = zip.CreateEntry(name, level).Open();
        s.Write(Encoding.UTF8.GetBytes(content));
    }
}
