using ClassScan.Core.Documents;
using ClassScan.Extraction.Biff;
using ClassScan.Extraction.Internal;

namespace ClassScan.Fuzz;

/// <summary>
/// The "xls" target: the input is a BIFF workbook stream itself (what a .xls keeps in its "Workbook" stream), read
/// by <see cref="XlsWorkbookReader"/> without the compound file around it, so mutations hit the records and not the
/// OLE2 sector tables that the "cfb" target already covers.
/// </summary>
internal sealed class XlsStreamTarget : ITextExtractor
{
    public string Name => "xls-stream";

    public ExtractionResult Extract(DocumentContent content, ExtractionLimits limits, CancellationToken ct) =>
        ExtractionStop.Run(() =>
        {
            var bytes = InputGuard.ReadAll(content.Stream, limits, ct);
            var collector = new SegmentCollector(limits, ct);
            XlsWorkbookReader.Read(bytes, collector);
            return collector.Result();
        });
}
