using System.IO.Compression;
using ClassScan.Core.Documents;
using ClassScan.Extraction.Internal;

namespace ClassScan.Extraction.OpenXml;

/// <summary>
/// Checks an OOXML package's zip central directory against the decompression limits before any part is
/// inflated (zip bombs): total uncompressed size and per-entry compression ratio. Only the central directory
/// is read. Returns the entry names so the caller can tell Word, Excel and PowerPoint packages apart.
/// </summary>
internal static class ZipGuard
{
    /// <summary>Entries smaller than this are not held to the ratio: tiny, repetitive XML compresses very well.</summary>
    private const long RatioGraceBytes = 1024 * 1024;

    // Only parts the extractors inflate are held to the ratio: media and embeddings are never decompressed,
    // and vector images (EMF/WMF) legitimately compress far beyond any sane XML ratio.
    private static readonly HashSet<string> TextPartExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".xml", ".rels", ".vml", ".htm", ".html", ".xhtml", ".mht", ".mhtml", ".txt", "",
    };

    private static bool IsReadAsText(string name) => TextPartExtensions.Contains(Path.GetExtension(name));

    public static IReadOnlyList<string> Check(Stream content, ExtractionLimits limits, CancellationToken ct)
    {
        content.Position = 0;
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var names = new List<string>();
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                ct.ThrowIfCancellationRequested();
                names.Add(entry.FullName);
                total += entry.Length;
                if (total > limits.MaxUncompressedBytes)
                    throw ExtractionStop.Limit(nameof(ExtractionLimits.MaxUncompressedBytes),
                        $"package expands to more than {limits.MaxUncompressedBytes:N0} bytes (MaxUncompressedBytes)");
                if (entry.Length > RatioGraceBytes && IsReadAsText(entry.FullName))
                {
                    double ratio = (double)entry.Length / Math.Max(1, entry.CompressedLength);
                    if (ratio > limits.MaxCompressionRatio)
                        throw ExtractionStop.Limit(nameof(ExtractionLimits.MaxCompressionRatio),
                            $"zip entry compressed {ratio:F0}:1, above {limits.MaxCompressionRatio:F0}:1 (MaxCompressionRatio)");
                }
            }
            content.Position = 0;
            return names;
        }
        catch (Exception ex) when (ex is InvalidDataException or ArgumentException or IOException)
        {
            throw ExtractionStop.Corrupt($"not a valid zip package ({ex.GetType().Name})");
        }
    }
}
