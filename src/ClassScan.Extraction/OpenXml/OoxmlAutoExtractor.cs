using ClassScan.Core.Documents;
using ClassScan.Extraction.Internal;

namespace ClassScan.Extraction.OpenXml;

/// <summary>
/// For a zip whose name and first bytes do not tell which OOXML application wrote it (e.g. a DOCX saved as
/// ".doc" or without extension): looks at the package's entry names, then hands over to the right extractor.
/// A zip that is no Word/Excel/PowerPoint package is <see cref="ExtractionResult.Unsupported"/>.
/// </summary>
internal sealed class OoxmlAutoExtractor : ITextExtractor
{
    public static OoxmlAutoExtractor Instance { get; } = new();

    private OoxmlAutoExtractor()
    {
    }

    public string Name => "openxml";

    public ExtractionResult Extract(DocumentContent content, ExtractionLimits limits, CancellationToken ct) =>
        ExtractionStop.Run(() =>
        {
            InputGuard.CheckSize(content.Stream, limits);
            var names = ZipGuard.Check(content.Stream, limits, ct);
            ITextExtractor? inner = Classify(names) switch
            {
                OoxmlKind.Word => WordExtractor.Instance,
                OoxmlKind.Excel => ExcelExtractor.Instance,
                OoxmlKind.PowerPoint => PowerPointExtractor.Instance,
                _ => null,
            };
            if (inner is not null) return inner.Extract(content, limits, ct);
            return Classify(names) == OoxmlKind.ExcelBinary
                ? Biff.XlsbExtractor.Instance.Extract(content, limits, ct)
                : new ExtractionResult.Unsupported("zip archive (not a Word, Excel or PowerPoint package)");
        });

    internal static OoxmlKind Classify(IEnumerable<string> entryNames)
    {
        var kind = OoxmlKind.Unknown;
        foreach (var raw in entryNames)
        {
            var name = raw.TrimStart('/');
            if (name.StartsWith("word/", StringComparison.OrdinalIgnoreCase)) return OoxmlKind.Word;
            if (name.StartsWith("ppt/", StringComparison.OrdinalIgnoreCase)) return OoxmlKind.PowerPoint;
            if (name.StartsWith("xl/", StringComparison.OrdinalIgnoreCase))
            {
                if (name.Equals("xl/workbook.bin", StringComparison.OrdinalIgnoreCase)) return OoxmlKind.ExcelBinary;
                if (name.Equals("xl/workbook.xml", StringComparison.OrdinalIgnoreCase)) return OoxmlKind.Excel;
                if (kind == OoxmlKind.Unknown) kind = OoxmlKind.Excel;
            }
        }
        return kind;
    }
}
