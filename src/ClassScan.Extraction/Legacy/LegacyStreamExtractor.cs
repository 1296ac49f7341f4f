using ClassScan.Core.Documents;
using ClassScan.Extraction.Biff;
using ClassScan.Extraction.Internal;

namespace ClassScan.Extraction.Legacy;

/// <summary>
/// Office files from before the compound-file formats, whose document stream is the file itself: Word for Windows
/// 1.x/2.0 (<see cref="DocReader.ReadWord2"/>) and Excel 2.x-4.0 worksheets and workbooks, or a BIFF5/8 stream
/// saved without its container (<see cref="OldExcelReader"/>). The selector sends a file here by its first bytes
/// (<see cref="Recognises"/>), and also a file named .doc/.xls/.ppt that has neither those nor an OLE2 signature:
/// that one is reported as damaged, with what it is not, rather than as a format ClassScan does not read.
/// Stateless and thread-safe.
/// </summary>
internal sealed class LegacyStreamExtractor : ITextExtractor
{
    public static LegacyStreamExtractor Instance { get; } = new();

    private LegacyStreamExtractor()
    {
    }

    public string Name => "legacy-stream";

    /// <summary>A Word 1/2 header anywhere, or a BIFF BOF record in a file named as an Excel workbook.</summary>
    public static bool Recognises(ReadOnlySpan<byte> head, string extension) =>
        DocReader.IsWord2(head) || (IsExcelName(extension) && OldExcelReader.IsBiffStream(head));

    public ExtractionResult Extract(DocumentContent content, ExtractionLimits limits, CancellationToken ct) =>
        ExtractionStop.Run(() =>
        {
            ArgumentNullException.ThrowIfNull(content);
            InputGuard.CheckSize(content.Stream, limits);
            var bytes = InputGuard.ReadAll(content.Stream, limits, ct);
            // An empty file holds no text; saying "damaged" would make a folder's placeholder .doc an error to chase.
            if (bytes.Length == 0) return new ExtractionResult.Text(new ExtractedText([], ["tom fil (0 byte)"]));
            var collector = new SegmentCollector(limits, ct);
            if (DocReader.IsWord2(bytes)) DocReader.ReadWord2(bytes, collector);
            else if (OldExcelReader.IsBiffStream(bytes)) OldExcelReader.Read(bytes, collector);
            else return new ExtractionResult.Corrupt("not a Word, Excel or PowerPoint file: no OLE2 signature and no Word 1/2 or Excel 2-4 header");
            return collector.Result();
        });

    private static bool IsExcelName(string extension) =>
        extension.Equals(".xls", StringComparison.OrdinalIgnoreCase)
        || extension.Equals(".xlt", StringComparison.OrdinalIgnoreCase)
        || extension.Equals(".xlw", StringComparison.OrdinalIgnoreCase);
}
