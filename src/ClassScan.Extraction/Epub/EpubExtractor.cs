using System.IO.Compression;
using System.Text;
using System.Xml;
using ClassScan.Core.Documents;
using ClassScan.Extraction.Internal;
using ClassScan.Extraction.OpenDocument;
using ClassScan.Extraction.OpenXml;
using ClassScan.Extraction.Text;

namespace ClassScan.Extraction.Epub;

/// <summary>
/// EPUB 2 and 3 (OCF zip): META-INF/container.xml names the package document (OPF), whose spine gives the reading
/// order; each XHTML item is converted by <see cref="HtmlText"/> into "kapitel N" (N its place in the spine). The
/// OPF's title, subject and description become Metadata (authors left out, as for Office properties). A book whose
/// META-INF/encryption.xml encrypts content documents (DRM, not the font obfuscation EPUB allows) is
/// <see cref="ExtractionResult.Encrypted"/>. The zip is checked by <see cref="ZipGuard"/> first, XML read with
/// <see cref="SafeXml"/>, and the bytes inflated per file are bounded by <see cref="ExtractionLimits.MaxUncompressedBytes"/>.
/// Stateless and thread-safe.
/// </summary>
internal sealed class EpubExtractor : ITextExtractor
{
    /// <summary>More spine items than any book has; a hostile OPF listing millions stops here.</summary>
    private const int MaxSpineItems = 20_000;

    private const int MaxMetaChars = 4096;

    // Font obfuscation (IDPF, Adobe) is allowed in EPUB and hides no text; any other algorithm is encryption.
    private static readonly HashSet<string> FontObfuscation = new(StringComparer.Ordinal)
    {
        "http://www.idpf.org/2008/embedding",
        "http://ns.adobe.com/pdf/enc#RC",
    };

    private static readonly HashSet<string> FontExtensions = new(StringComparer.OrdinalIgnoreCase) { ".otf", ".ttf", ".woff", ".woff2" };

    public static EpubExtractor Instance { get; } = new();

    private EpubExtractor()
    {
    }

    public string Name => "epub";

    /// <summary>True for the zip <c>mimetype</c> entry of an EPUB.</summary>
    public static bool IsMediaType(string mediaType) => mediaType == "application/epub+zip";

    public ExtractionResult Extract(DocumentContent content, ExtractionLimits limits, CancellationToken ct) =>
        ExtractionStop.Run(() => Read(content.Stream, limits, ct));

    private static ExtractionResult Read(Stream stream, ExtractionLimits limits, CancellationToken ct)
    {
        InputGuard.CheckSize(stream, limits);
        if (stream.Length == 0) return new ExtractionResult.Corrupt("empty file, not an EPUB");
        try
        {
            ZipGuard.Check(stream, limits, ct);
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            if (IsEncrypted(zip, limits)) return new ExtractionResult.Encrypted("DRM-protected EPUB (encrypted content documents)");
            var c = new SegmentCollector(limits, ct);
            long budget = limits.MaxUncompressedBytes;
            var (documents, metadata) = ReadingOrder(zip, limits, c);
            int chapter = 0;
            foreach (var entry in documents)
            {
                ct.ThrowIfCancellationRequested();
                chapter++;
                var bytes = ReadBounded(entry, ref budget, limits);
                string text;
                try
                {
                    (_, text) = HtmlText.Convert(TextDecoding.Decode(bytes, sniffDeclaredCharset: true), ct);
                }
                catch (Exception ex) when (ExtractionStop.IsLibraryFailure(ex))
                {
                    // One unreadable chapter must not cost the rest of the book.
                    c.Note($"kapitel {chapter} kunde inte läsas ({ex.GetType().Name})");
                    continue;
                }
                PlainTextExtractor.AddChunked(c, SegmentKind.Body, $"kapitel {chapter}", text);
            }
            c.Add(SegmentKind.Metadata, "dokumentegenskaper", metadata);
            return c.Result();
        }
        catch (InvalidDataException ex)
        {
            return new ExtractionResult.Corrupt($"damaged EPUB zip ({ex.GetType().Name})");
        }
        catch (IOException ex)
        {
            return new ExtractionResult.Corrupt($"unreadable EPUB zip ({ex.GetType().Name})");
        }
    }

    /// <summary>The content documents in spine order; without a usable OPF, every (X)HTML entry in zip order.</summary>
    private static (List<ZipArchiveEntry> Documents, string Metadata) ReadingOrder(ZipArchive zip, ExtractionLimits limits, SegmentCollector c)
    {
        string? opfPath = null;
        OdfPackage.ReadXml(zip, "META-INF/container.xml", limits, r =>
        {
            while (opfPath is null && r.Read())
            {
                if (r.NodeType == XmlNodeType.Element && r.LocalName == "rootfile") opfPath = r.GetAttribute("full-path");
            }
        });
        var opf = opfPath is null ? null : zip.GetEntry(opfPath.TrimStart('/'));
        if (opf is null)
        {
            c.Note("EPUB utan läsordning (container.xml/OPF saknas): alla HTML-filer lästes i arkivets ordning");
            return ([.. zip.Entries.Where(e => IsHtmlName(e.FullName)).Take(MaxSpineItems)], "");
        }

        var items = new Dictionary<string, (string Href, string MediaType)>(StringComparer.Ordinal);
        var spine = new List<string>();
        var metadata = new StringBuilder();
        OdfPackage.ReadXml(opf, limits, r => ReadPackageDocument(r, items, spine, metadata));

        var baseDir = opf.FullName.Contains('/', StringComparison.Ordinal) ? opf.FullName[..(opf.FullName.LastIndexOf('/') + 1)] : "";
        var order = new List<ZipArchiveEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var idref in spine)
        {
            if (!items.TryGetValue(idref, out var item) || !IsHtmlMediaType(item.MediaType)) continue;
            var path = Resolve(baseDir, item.Href);
            if (!seen.Add(path)) continue;
            if (zip.GetEntry(path) is { } entry) order.Add(entry);
            else c.Note($"kapitel {order.Count + 1}: filen saknas i boken");
        }
        return (order, metadata.ToString());
    }

    private static void ReadPackageDocument(XmlReader r, Dictionary<string, (string, string)> items, List<string> spine, StringBuilder metadata)
    {
        bool inMetadata = false;
        while (r.Read())
        {
            if (r.NodeType == XmlNodeType.EndElement && r.LocalName == "metadata") inMetadata = false;
            if (r.NodeType != XmlNodeType.Element) continue;
            switch (r.LocalName)
            {
                case "metadata":
                    inMetadata = !r.IsEmptyElement;
                    break;
                case "item" when items.Count < MaxSpineItems * 2:
                    if (r.GetAttribute("id") is { } id && r.GetAttribute("href") is { } href)
                        items.TryAdd(id, (href, r.GetAttribute("media-type") ?? ""));
                    break;
                case "itemref" when spine.Count < MaxSpineItems:
                    if (r.GetAttribute("idref") is { } idref) spine.Add(idref);
                    break;
                case "title" or "subject" or "description" when inMetadata && !r.IsEmptyElement:
                    var label = r.LocalName switch { "title" => "Titel", "subject" => "Ämne", _ => "Beskrivning" };
                    var value = r.ReadElementContentAsString().Trim();
                    if (value.Length > MaxMetaChars) value = value[..MaxMetaChars];
                    if (value.Length > 0) metadata.Append(label).Append(": ").Append(value).Append('\n');
                    break;
            }
        }
    }

    /// <summary>
    /// Whether META-INF/encryption.xml encrypts anything but fonts with an obfuscation algorithm: then the chapters
    /// are ciphertext (Adobe ADEPT, Readium LCP and other DRM).
    /// </summary>
    private static bool IsEncrypted(ZipArchive zip, ExtractionLimits limits)
    {
        bool encrypted = false;
        OdfPackage.ReadXml(zip, "META-INF/encryption.xml", limits, r =>
        {
            string? algorithm = null;
            while (!encrypted && r.Read())
            {
                if (r.NodeType != XmlNodeType.Element) continue;
                if (r.LocalName == "EncryptionMethod") algorithm = r.GetAttribute("Algorithm");
                else if (r.LocalName == "CipherReference" && r.GetAttribute("URI") is { } uri)
                {
                    bool obfuscatedFont = algorithm is not null && FontObfuscation.Contains(algorithm)
                        || FontExtensions.Contains(Path.GetExtension(uri));
                    if (!obfuscatedFont) encrypted = true;
                    algorithm = null;
                }
            }
        });
        return encrypted;
    }

    /// <summary>Inflates one entry, never more than what is left of the package's uncompressed budget.</summary>
    private static byte[] ReadBounded(ZipArchiveEntry entry, ref long budget, ExtractionLimits limits)
    {
        using var stream = entry.Open();
        using var ms = new MemoryStream((int)Math.Clamp(entry.Length, 0, 1024 * 1024));
        var buffer = new byte[81920];
        int n;
        while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            budget -= n;
            if (budget < 0)
                throw ExtractionStop.Limit(nameof(ExtractionLimits.MaxUncompressedBytes),
                    $"package expands to more than {limits.MaxUncompressedBytes:N0} bytes (MaxUncompressedBytes)");
            ms.Write(buffer, 0, n);
        }
        return ms.ToArray();
    }

    /// <summary>An OPF href (relative, percent-encoded, maybe with a fragment) as a zip entry name.</summary>
    internal static string Resolve(string baseDir, string href)
    {
        int hash = href.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0) href = href[..hash];
        href = Uri.UnescapeDataString(href);
        var parts = new List<string>();
        foreach (var part in (href.StartsWith('/') ? href : baseDir + href).Split('/'))
        {
            if (part is "" or ".") continue;
            if (part == "..")
            {
                if (parts.Count > 0) parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(part);
        }
        return string.Join('/', parts);
    }

    private static bool IsHtmlMediaType(string mediaType) => mediaType is "application/xhtml+xml" or "text/html" or "application/xml";

    private static bool IsHtmlName(string name) =>
        name.EndsWith(".xhtml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".html", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".htm", StringComparison.OrdinalIgnoreCase);
}
