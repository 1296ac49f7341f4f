using System.Xml;
using ClassScan.Core.Documents;
using ClassScan.Extraction.Internal;
using DocumentFormat.OpenXml.Packaging;

namespace ClassScan.Extraction.OpenXml;

/// <summary>
/// Shared plumbing of the OOXML extractors: limits checked before opening, read-only open settings,
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
                _ => new ExtractionResult.Unsupported("Excel binary workbook (.xlsb)"),
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
