using System.IO.Packaging;
using System.Xml;
using ClassScan.Core.Documents;
using ClassScan.Extraction.Internal;
using DocumentFormat.OpenXml.Packaging;

namespace ClassScan.Extraction.OpenXml;

/// <summary>
/// Shared plumbing of the OOXML extractors: limits checked before opening, the read-only open,
/// part reading with <see cref="SafeXml"/>, and the mapping of SDK/packaging/XML failures to
/// <see cref="ExtractionResult.Corrupt"/> with a short cause that never quotes document content.
/// </summary>
internal static class OoxmlPackage
{
    public static OpenSettings Settings(ExtractionLimits limits) => new()
    {
        AutoSave = false,
        // Parts are streamed with our own readers, never loaded as SDK elements: nothing for MC processing to do.
        MarkupCompatibilityProcessSettings = new MarkupCompatibilityProcessSettings(
            MarkupCompatibilityProcessMode.NoProcess, DocumentFormat.OpenXml.FileFormatVersions.Office2007),
        // Bounds what the SDK itself loads into a DOM (e.g. relationship parts); our readers bound their own parts.
        MaxCharactersInPart = Math.Max(1, limits.MaxUncompressedBytes),
    };

    /// <summary>Runs the extraction after the zip checks; maps library failures to <see cref="ExtractionResult.Corrupt"/>.</summary>
    public static ExtractionResult Run(Stream content, ExtractionLimits limits, CancellationToken ct, OoxmlKind kind,
        Func<SegmentCollector, ExtractionResult> body) =>
        ExtractionStop.Run(() => RunChecked(content, limits, ct, kind, body));

    private static ExtractionResult RunChecked(Stream content, ExtractionLimits limits, CancellationToken ct, OoxmlKind kind,
        Func<SegmentCollector, ExtractionResult> body)
    {
        var format = kind.ToString();
        InputGuard.CheckSize(content, limits);
        if (content.Length == 0) return new ExtractionResult.Corrupt($"empty file, not a {format} package");
        var names = ZipGuard.Check(content, limits, ct);

        // A package named for one application but holding another's parts (a .pptx that is really a DOCX)
        // is read for what it is: the SDK would otherwise open it and find nothing.
        var actual = OoxmlAutoExtractor.Classify(names);
        if (actual != kind && actual != OoxmlKind.Unknown)
        {
            return actual switch
            {
                OoxmlKind.Word => WordExtractor.Instance.Extract(content, limits, ct),
                OoxmlKind.Excel => ExcelExtractor.Instance.Extract(content, limits, ct),
                OoxmlKind.PowerPoint => PowerPointExtractor.Instance.Extract(content, limits, ct),
                _ => Biff.XlsbExtractor.Instance.Extract(content, limits, ct),
            };
        }
        try
        {
            return body(new SegmentCollector(limits, ct));
        }
        catch (Exception ex) when (IsLibraryFailure(ex))
        {
            return new ExtractionResult.Corrupt(Describe(ex, format));
        }
    }

    /// <summary>
    /// Opens the document read-only and reads it with <paramref name="read"/> into <paramref name="collector"/>. The
    /// SDK is given a System.IO.Packaging package we opened with <see cref="FileAccess.Read"/>, not the stream:
    /// opened read-only from a stream, the SDK first copies the whole package into a file under the temp folder
    /// (so that it could repair malformed relationship URIs in place) and deletes it on dispose. That was about a
    /// tenth of all OOXML extraction CPU, a disk write per document, and a plaintext copy of a possibly
    /// confidential document left behind whenever the worker is killed on a timeout. A package whose relationships
    /// hold a URI System.Uri rejects (found when a part's relationships are first asked for, mid-read) is read
    /// again, into a fresh collector, from a copy in memory opened editable: the SDK's repair without a file. The
    /// copy is never saved anywhere.
    /// </summary>
    public static ExtractionResult Read<TDocument>(Stream content, SegmentCollector collector,
        Func<Package, OpenSettings, TDocument> openPackage, Func<Stream, bool, OpenSettings, TDocument> openStream,
        Func<TDocument, SegmentCollector, ExtractionResult> read)
        where TDocument : OpenXmlPackage
    {
        var settings = Settings(collector.Limits);
        try
        {
            content.Position = 0;
            using var package = Package.Open(content, FileMode.Open, FileAccess.Read);
            using var document = openPackage(package, settings);
            return read(document, collector);
        }
        catch (Exception ex) when (IsMalformedUri(ex))
        {
            using var copy = new MemoryStream(); // within MaxFileBytes: checked before the zip was opened
            content.Position = 0;
            content.CopyTo(copy);
            copy.Position = 0;
            var document = openStream(copy, true, settings);
            try
            {
                return read(document, new SegmentCollector(collector.Limits, collector.Token));
            }
            finally
            {
                DisposeCopy(document);
            }
        }
    }

    /// <summary>Editable, the SDK writes the repaired relationships back on dispose: into a copy that is thrown away, so a failure there costs nothing.</summary>
    private static void DisposeCopy(OpenXmlPackage document)
    {
        try
        {
            document.Dispose();
        }
        catch (Exception ex) when (IsLibraryFailure(ex))
        {
            // the text was read; only the discarded copy is affected
        }
    }

    private static bool IsMalformedUri(Exception ex) =>
        ex is UriFormatException || ex.InnerException is UriFormatException
        || (ex is OpenXmlPackageException && ex.Message.Contains("URI", StringComparison.OrdinalIgnoreCase));

    /// <summary>Opens a part for streaming with the safe XML settings; malformed XML names the part.</summary>
    public static void ReadPart(OpenXmlPart part, ExtractionLimits limits, Action<XmlReader> read)
    {
        try
        {
            using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
            using var reader = SafeXml.Create(stream, limits);
            read(reader);
        }
        catch (XmlException ex)
        {
            throw ExtractionStop.Corrupt($"malformed XML in {part.Uri} (line {ex.LineNumber})");
        }
    }

    public static bool IsLibraryFailure(Exception ex) => ExtractionStop.IsLibraryFailure(ex);

    private static string Describe(Exception ex, string format) => ex switch
    {
        XmlException x => $"malformed XML in the {format} package (line {x.LineNumber})",
        OpenXmlPackageException => $"not a valid {format} package (OpenXmlPackageException)",
        FileFormatException or InvalidDataException => $"damaged zip/OPC package ({ex.GetType().Name})",
        _ => $"unreadable {format} package ({ex.GetType().Name})",
    };
}
