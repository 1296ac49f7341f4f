using System.Buffers.Binary;
using System.Text;
using ClassScan.Core.Documents;
using ClassScan.Extraction.Archive;
using ClassScan.Extraction.Biff;
using ClassScan.Extraction.Cfb;
using ClassScan.Extraction.Epub;
using ClassScan.Extraction.Image;
using ClassScan.Extraction.Legacy;
using ClassScan.Extraction.Mail;
using ClassScan.Extraction.OpenDocument;
using ClassScan.Extraction.OpenXml;
using ClassScan.Extraction.Pdf;
using ClassScan.Extraction.Rtf;
using ClassScan.Extraction.Text;

namespace ClassScan.Extraction;

/// <summary>
/// Chooses the extractor for a file: magic bytes first (zip → OOXML by extension or entry names, %PDF within
/// the first KB, OLE2 → <see cref="CfbExtractor"/> which tells encrypted OOXML from legacy Office, zip/7z/gzip/tar →
/// <see cref="ArchiveExtractor"/> when no document format claims the zip), then the
/// extension for text formats; images (PNG/JPEG/TIFF/BMP by signature, or by extension) are one page for OCR; Word 1/2
/// and Excel 2-4 files by their headers (<see cref="LegacyStreamExtractor"/>), and a .doc/.xls/.ppt that is really HTML
/// or text as what it is.
/// Null means unsupported.
/// Stateless and thread-safe; use <see cref="Default"/> or construct one per composition root.
/// </summary>
public sealed class ExtractorSelector : IExtractorSelector
{
    private static readonly HashSet<string> WordExtensions = new(StringComparer.OrdinalIgnoreCase) { ".docx", ".docm", ".dotx", ".dotm" };
    private static readonly HashSet<string> ExcelExtensions = new(StringComparer.OrdinalIgnoreCase) { ".xlsx", ".xlsm", ".xltx", ".xltm" };
    private static readonly HashSet<string> PowerPointExtensions = new(StringComparer.OrdinalIgnoreCase) { ".pptx", ".pptm", ".potx", ".potm", ".ppsx", ".ppsm" };
    // Raster images: one page without a text layer, for the OCR stage.
    private static readonly HashSet<string> ImageExtensions = new(StringComparer.OrdinalIgnoreCase) { ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp" };
    // Binary Office formats of 1997-2003 and before; a file so named without any of their signatures is still judged.
    private static readonly HashSet<string> LegacyOfficeExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".doc", ".dot", ".xls", ".xlt", ".xlw", ".ppt", ".pps", ".pot",
    };
    private static readonly HashSet<string> PlainTextExtensions = new(StringComparer.OrdinalIgnoreCase) { ".txt", ".csv", ".tsv", ".md", ".json", ".log" };

    // OpenDocument packages and templates, and the flat single-XML variants (not zips), read by OpenDocumentExtractor.
    private static readonly HashSet<string> OpenDocumentExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".odt", ".ods", ".odp", ".odg", ".ott", ".ots", ".otp", ".otg", ".fodt", ".fods", ".fodp", ".fodg",
    };

    // Zip-based formats that are no document we read (ODF, EPUB and .xlsb are routed before this list is asked); an
    // unknown zip is left to the entry-name check.
    private static readonly HashSet<string> OtherZipExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".zip", ".jar", ".apk", ".vsdx", ".msix", ".nupkg", ".3mf",
    };

    private readonly EmlExtractor eml;
    private readonly CfbExtractor cfb;
    private readonly ArchiveExtractor archive;
    private readonly Dictionary<string, ITextExtractor> byName;

    public ExtractorSelector()
    {
        eml = new EmlExtractor(this);
        cfb = new CfbExtractor(this);
        archive = new ArchiveExtractor(this); // an Outlook message's attachments are chosen here too
        ITextExtractor[] all =
        [
            WordExtractor.Instance, ExcelExtractor.Instance, PowerPointExtractor.Instance, OoxmlAutoExtractor.Instance,
            cfb, PdfExtractor.Instance, PlainTextExtractor.Instance, XmlTextExtractor.Instance,
            HtmlExtractor.Instance, eml, archive,
            RtfExtractor.Instance,
            OpenDocumentExtractor.Instance, EpubExtractor.Instance,
            XlsbExtractor.Instance,
            ImageExtractor.Instance,
            LegacyStreamExtractor.Instance,
        ];
        byName = all.ToDictionary(e => e.Name, StringComparer.Ordinal);
    }

    public static ExtractorSelector Default { get; } = new();

    /// <summary>
    /// The extractor of a <see cref="ITextExtractor.Name"/> that <see cref="Select"/> returned, null for an unknown
    /// name: how an extraction worker runs the extractor the scanner chose without sniffing the format again.
    /// </summary>
    public ITextExtractor? Named(string name) => byName.GetValueOrDefault(name);

    public ITextExtractor? Select(string fileName, ReadOnlySpan<byte> head)
    {
        var ext = Path.GetExtension(fileName ?? "");

        if (IsZip(head)) return SelectZip(ext, head) ?? ZipArchiveOrNull(ext, head);
        if (ArchiveMagic.Of(head) is ArchiveFormat.SevenZip or ArchiveFormat.GZip or ArchiveFormat.Tar) return archive;
        if (head.StartsWith(CompoundFile.Signature)) return cfb;
        if (head[..Math.Min(head.Length, 1024)].IndexOf("%PDF"u8) >= 0) return PdfExtractor.Instance;
        // RTF by its magic whatever the name: Word's "save as .doc" RTF files, an Outlook body as meddelandetext.rtf.
        if (RtfExtractor.IsRtf(head)) return RtfExtractor.Instance;
        if (ImageExtractor.HasStrongSignature(head)) return ImageExtractor.Instance;
        if (LegacyStreamExtractor.Recognises(head, ext)) return LegacyStreamExtractor.Instance;

        // A claimed office/PDF file without its signature is a damaged file of that format, not "unsupported".
        if (WordExtensions.Contains(ext)) return WordExtractor.Instance;
        if (ExcelExtensions.Contains(ext)) return ExcelExtractor.Instance;
        if (PowerPointExtensions.Contains(ext)) return PowerPointExtractor.Instance;
        if (ext.Equals(".pdf", StringComparison.OrdinalIgnoreCase)) return PdfExtractor.Instance;
        if (ext.Equals(".rtf", StringComparison.OrdinalIgnoreCase)) return RtfExtractor.Instance;
        if (OpenDocumentExtensions.Contains(ext)) return OpenDocumentExtractor.Instance;
        if (ext.Equals(".epub", StringComparison.OrdinalIgnoreCase)) return EpubExtractor.Instance;
        if (LegacyOfficeExtensions.Contains(ext)) return MisnamedLegacy(head);

        if (PlainTextExtensions.Contains(ext)) return PlainTextExtractor.Instance;
        if (ext.Equals(".xml", StringComparison.OrdinalIgnoreCase)) return XmlTextExtractor.Instance;
        if (ext.Equals(".html", StringComparison.OrdinalIgnoreCase) || ext.Equals(".htm", StringComparison.OrdinalIgnoreCase)) return HtmlExtractor.Instance;
        if (ext.Equals(".eml", StringComparison.OrdinalIgnoreCase)) return eml;
        if (ImageExtensions.Contains(ext)) return ImageExtractor.Instance;
        if (ext.Equals(".tar", StringComparison.OrdinalIgnoreCase)) return archive; // a pre-POSIX tar has no magic
        return null;
    }

    /// <summary>
    /// A file named .doc/.xls/.ppt without an Office signature. Systems that "export to Excel" or "save for Word" often
    /// write HTML, XML or tab-separated text under those names, and Word and Excel open them: they are read as what
    /// they are. Anything else (an empty file, binary data) goes to <see cref="LegacyStreamExtractor"/>, which says
    /// it is damaged, not a format ClassScan skips.
    /// </summary>
    private ITextExtractor MisnamedLegacy(ReadOnlySpan<byte> head)
    {
        var start = head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? head[3..] : head;
        var trimmed = start.TrimStart(" \t\r\n"u8);
        if (trimmed.Length > 0 && trimmed.IndexOf((byte)0) < 0)
        {
            if (trimmed.StartsWith("<?xml"u8)) return XmlTextExtractor.Instance;
            if (trimmed[0] == (byte)'<') return HtmlExtractor.Instance;
            if (Utf8OrSingleByteText(trimmed)) return PlainTextExtractor.Instance;
        }
        return LegacyStreamExtractor.Instance;
    }

    /// <summary>No control characters other than tab and line breaks: text, in UTF-8 or a single-byte code page.</summary>
    private static bool Utf8OrSingleByteText(ReadOnlySpan<byte> head)
    {
        foreach (var b in head)
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\r' or (byte)'\n' or 0x0C)) return false;
        return true;
    }

    /// <summary>
    /// A zip that is no document format we read: an archive when it is named one, or when its entry names show no
    /// other zip-based format (OOXML, ODF and EPUB begin with their own parts; .jar, .apk, .nupkg... stay unsupported).
    /// </summary>
    private ITextExtractor? ZipArchiveOrNull(string ext, ReadOnlySpan<byte> head)
    {
        if (ext.Equals(".zip", StringComparison.OrdinalIgnoreCase)) return archive;
        if (ext.Length > 0 && OtherZipExtensions.Contains(ext)) return null;
        var (names, _) = LocalEntryNames(head);
        if (names.Count == 0 || names[0].Equals("mimetype", StringComparison.Ordinal)) return null;
        if (names.Any(n => n.Equals("[Content_Types].xml", StringComparison.OrdinalIgnoreCase))) return null;
        return archive;
    }

    private static bool IsZip(ReadOnlySpan<byte> head) =>
        head.Length >= 4 && head[0] == (byte)'P' && head[1] == (byte)'K' && head[2] is 3 or 5 && head[3] is 4 or 6;

    private static ITextExtractor? SelectZip(string ext, ReadOnlySpan<byte> head)
    {
        // An OCF container names its format in a first, stored entry "mimetype", whatever the file is called.
        var mediaType = FirstEntryMediaType(head);
        if (mediaType is not null && OpenDocumentExtractor.IsMediaType(mediaType)) return OpenDocumentExtractor.Instance;
        if (mediaType is not null && EpubExtractor.IsMediaType(mediaType)) return EpubExtractor.Instance;
        if (OpenDocumentExtensions.Contains(ext) || ext.Equals(".epub", StringComparison.OrdinalIgnoreCase))
        {
            // Named ODF/EPUB without the mimetype entry first: an OOXML package under that name is still read as one.
            var (entries, _) = LocalEntryNames(head);
            switch (OoxmlAutoExtractor.Classify(entries))
            {
                case OoxmlKind.Word: return WordExtractor.Instance;
                case OoxmlKind.Excel: return ExcelExtractor.Instance;
                case OoxmlKind.PowerPoint: return PowerPointExtractor.Instance;
            }
            return OpenDocumentExtensions.Contains(ext) ? OpenDocumentExtractor.Instance : EpubExtractor.Instance;
        }
        if (WordExtensions.Contains(ext)) return WordExtractor.Instance;
        if (ExcelExtensions.Contains(ext)) return ExcelExtractor.Instance;
        if (PowerPointExtensions.Contains(ext)) return PowerPointExtractor.Instance;
        if (ext.Equals(".xlsb", StringComparison.OrdinalIgnoreCase)) return XlsbExtractor.Instance;
        if (OtherZipExtensions.Contains(ext)) return null;

        // Misnamed package (a DOCX saved as .doc, no extension): the local headers in the head name the parts.
        var (names, complete) = LocalEntryNames(head);
        switch (OoxmlAutoExtractor.Classify(names))
        {
            case OoxmlKind.Word: return WordExtractor.Instance;
            case OoxmlKind.Excel: return ExcelExtractor.Instance;
            case OoxmlKind.PowerPoint: return PowerPointExtractor.Instance;
            case OoxmlKind.ExcelBinary: return XlsbExtractor.Instance;
        }
        if (names.Any(n => n.Equals("[Content_Types].xml", StringComparison.OrdinalIgnoreCase)) || !complete)
            return OoxmlAutoExtractor.Instance;
        return null;
    }

    /// <summary>
    /// The content of the zip's first entry when it is named <c>mimetype</c> and stored uncompressed, as OpenDocument
    /// and EPUB require ("application/vnd.oasis.opendocument.text", "application/epub+zip"); null otherwise.
    /// </summary>
    internal static string? FirstEntryMediaType(ReadOnlySpan<byte> head)
    {
        if (head.Length < 30 || BinaryPrimitives.ReadUInt32LittleEndian(head) != 0x04034B50) return null;
        ushort method = BinaryPrimitives.ReadUInt16LittleEndian(head[8..]);
        uint size = BinaryPrimitives.ReadUInt32LittleEndian(head[18..]);
        int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(head[26..]);
        int extraLength = BinaryPrimitives.ReadUInt16LittleEndian(head[28..]);
        int data = 30 + nameLength + extraLength;
        if (method != 0 || size is 0 or > 100 || data + size > head.Length) return null;
        if (!head.Slice(30, nameLength).SequenceEqual("mimetype"u8)) return null;
        return Encoding.ASCII.GetString(head.Slice(data, (int)size)).Trim();
    }

    /// <summary>
    /// Walks the zip local file headers that fit in <paramref name="head"/>. <c>complete</c> is false when the
    /// walk had to stop early (sizes deferred to a data descriptor, or the head ended), so absence proves nothing.
    /// </summary>
    internal static (List<string> Names, bool Complete) LocalEntryNames(ReadOnlySpan<byte> head)
    {
        var names = new List<string>();
        int pos = 0;
        while (pos + 30 <= head.Length && BinaryPrimitives.ReadUInt32LittleEndian(head[pos..]) == 0x04034B50)
        {
            ushort flags = BinaryPrimitives.ReadUInt16LittleEndian(head[(pos + 6)..]);
            uint compressed = BinaryPrimitives.ReadUInt32LittleEndian(head[(pos + 18)..]);
            int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(head[(pos + 26)..]);
            int extraLength = BinaryPrimitives.ReadUInt16LittleEndian(head[(pos + 28)..]);
            if (pos + 30 + nameLength > head.Length) return (names, false);
            names.Add(Encoding.UTF8.GetString(head.Slice(pos + 30, nameLength)));
            if ((flags & 0x08) != 0 || compressed == 0xFFFFFFFF) return (names, false);
            long next = (long)pos + 30 + nameLength + extraLength + compressed;
            if (next > head.Length) return (names, false);
            pos = (int)next;
        }
        // Reaching the central directory (or end) of a zip that fits in the head means every name was seen.
        return (names, pos + 4 <= head.Length && BinaryPrimitives.ReadUInt32LittleEndian(head[pos..]) == 0x02014B50);
    }
}
