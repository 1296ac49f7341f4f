using System.IO.Compression;
using System.Xml;
using ClassScan.Core.Documents;
using ClassScan.Extraction.Internal;
using ClassScan.Extraction.OpenXml;

namespace ClassScan.Extraction.OpenDocument;

/// <summary>
/// OpenDocument text, spreadsheets, presentations and drawings (.odt .ods .odp .odg, their templates .ott .ots
/// .otp .otg, and the flat single-XML .fodt .fods .fodp .fodg) streamed by <see cref="OdfWalker"/>: the zip is
/// checked by <see cref="ZipGuard"/> before any part is inflated, and parts are read with <see cref="SafeXml"/>.
/// styles.xml is read before content.xml (hidden text styles, master-page headers and footers), meta.xml last.
/// A package saved with a password is <see cref="ExtractionResult.Encrypted"/>. Stateless and thread-safe.
/// </summary>
internal sealed class OpenDocumentExtractor : ITextExtractor
{
    public static OpenDocumentExtractor Instance { get; } = new();

    private OpenDocumentExtractor()
    {
    }

    public string Name => "opendocument";

    /// <summary>True for a zip <c>mimetype</c> entry of an OpenDocument format.</summary>
    public static bool IsMediaType(string mediaType) =>
        mediaType.StartsWith("application/vnd.oasis.opendocument.", StringComparison.Ordinal);

    public ExtractionResult Extract(DocumentContent content, ExtractionLimits limits, CancellationToken ct) =>
        ExtractionStop.Run(() => Read(content.Stream, limits, ct));

    private static ExtractionResult Read(Stream stream, ExtractionLimits limits, CancellationToken ct)
    {
        InputGuard.CheckSize(stream, limits);
        if (stream.Length == 0) return new ExtractionResult.Corrupt("empty file, not an OpenDocument file");
        Span<byte> head = stackalloc byte[4];
        int n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        bool zip = n == 4 && head[0] == (byte)'P' && head[1] == (byte)'K' && head[2] is 3 or 5 && head[3] is 4 or 6;

        var c = new SegmentCollector(limits, ct);
        try
        {
            if (zip) ReadPackage(stream, limits, c);
            else ReadFlat(stream, limits, c);
        }
        catch (InvalidDataException ex)
        {
            return new ExtractionResult.Corrupt($"damaged OpenDocument zip ({ex.GetType().Name})");
        }
        catch (IOException ex)
        {
            return new ExtractionResult.Corrupt($"unreadable OpenDocument zip ({ex.GetType().Name})");
        }
        return c.Result();
    }

    private static void ReadPackage(Stream stream, ExtractionLimits limits, SegmentCollector c)
    {
        ZipGuard.Check(stream, limits, c.Token);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        if (OdfPackage.IsEncrypted(zip, limits)) throw ExtractionStop.Encrypted("password-protected OpenDocument file");
        var content = zip.GetEntry("content.xml") ?? throw ExtractionStop.Corrupt("OpenDocument package without content.xml");

        var walker = new OdfWalker(c);
        OdfPackage.ReadXml(zip, "styles.xml", limits, walker.Read);
        c.Token.ThrowIfCancellationRequested();
        OdfPackage.ReadXml(content, limits, walker.Read);
        try
        {
            OdfPackage.ReadXml(zip, "meta.xml", limits, walker.Read);
        }
        catch (ExtractionStop stop) when (stop.Result is ExtractionResult.Corrupt)
        {
            // Broken properties must not cost the document's text.
            c.Note("dokumentegenskaperna kunde inte läsas");
        }
        walker.Finish();
    }

    private static void ReadFlat(Stream stream, ExtractionLimits limits, SegmentCollector c)
    {
        var settings = SafeXml.Settings(limits);
        settings.CloseInput = false; // the caller owns the stream
        try
        {
            using var reader = XmlReader.Create(stream, settings);
            reader.MoveToContent();
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "document"
                || !reader.NamespaceURI.StartsWith("urn:oasis:names:tc:opendocument:xmlns:office:", StringComparison.Ordinal))
                throw ExtractionStop.Corrupt("not an OpenDocument file (neither a package nor flat XML)");
            var walker = new OdfWalker(c);
            walker.Read(reader);
            walker.Finish();
        }
        catch (XmlException ex)
        {
            throw ExtractionStop.Corrupt($"not an OpenDocument file or malformed flat XML (line {ex.LineNumber})");
        }
    }
}
