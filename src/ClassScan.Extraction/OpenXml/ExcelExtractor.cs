using System.Text;
using ClassScan.Core.Documents;
using ClassScan.Extraction.Internal;
using DocumentFormat.OpenXml.Packaging;

namespace ClassScan.Extraction.OpenXml;

/// <summary>
/// Excel (XLSX/XLSM/XLTX/XLTM) via the Open XML SDK: every sheet in workbook order (hidden ones too), values
/// as displayed (see <see cref="ExcelDisplayFormat"/>), sheet names, cell comments, text boxes, print
/// headers/footers and document properties. Sheets are streamed, never loaded into a DOM.
/// Stateless and thread-safe.
/// </summary>
internal sealed class ExcelExtractor : ITextExtractor
{
    public static ExcelExtractor Instance { get; } = new();

    private ExcelExtractor()
    {
    }

    public string Name => "openxml-excel";

    public ExtractionResult Extract(DocumentContent content, ExtractionLimits limits, CancellationToken ct) =>
        OoxmlPackage.Run(content.Stream, limits, ct, OoxmlKind.Excel, first =>
            OoxmlPackage.Read(content.Stream, first, SpreadsheetDocument.Open, SpreadsheetDocument.Open, (doc, c) =>
            {
                var wb = doc.WorkbookPart ?? throw ExtractionStop.Corrupt("Excel package without a workbook part");
                Extract(wb, c);
                OoxmlProperties.Read(doc, c, "dokumentegenskaper");
                return c.Result();
            }));

    private static void Extract(WorkbookPart wb, SegmentCollector c)
    {
        var limits = c.Limits;
        List<(string Name, string? RelId)> sheets = [];
        bool date1904 = false;
        OoxmlPackage.ReadPart(wb, limits, r => (sheets, date1904) = ExcelWorkbookReader.ReadWorkbook(r));

        IReadOnlyList<string> shared = [];
        if (wb.SharedStringTablePart is { } sst)
            OoxmlPackage.ReadPart(sst, limits, r => shared = ExcelWorkbookReader.ReadSharedStrings(r, c));
        // Read once, and only when a sheet holds a number to format.
        ExcelStyles? styles = null;
        ExcelStyles Styles()
        {
            if (styles is not null) return styles;
            styles = ExcelStyles.Empty;
            if (wb.WorkbookStylesPart is { } stylesPart)
                OoxmlPackage.ReadPart(stylesPart, limits, r => styles = ExcelStyles.Read(r));
            return styles;
        }

        foreach (var (name, relId) in sheets)
        {
            c.Token.ThrowIfCancellationRequested();
            var location = $"blad '{name}'";
            c.Add(SegmentKind.SheetName, location, name);
            if (relId is null || !wb.TryGetPartById(relId, out var part))
            {
                c.Note($"{location}: bladets innehåll saknas i filen");
                continue;
            }
            // Macro and dialog sheets share the worksheet schema; chart sheets hold no cells.
            if (part is WorksheetPart or MacroSheetPart or DialogsheetPart)
                OoxmlPackage.ReadPart(part, limits, r => ExcelSheetWalker.Read(r, c, shared, Styles, date1904, location));

            if (part is WorksheetPart ws)
            {
                if (ws.WorksheetCommentsPart is { } comments)
                    AddDrawingText(comments, c, SegmentKind.Comment, $"{location} kommentar");
                if (ws.DrawingsPart is { } drawings)
                    AddDrawingText(drawings, c, SegmentKind.TextBox, $"{location} textruta");
            }
        }
    }

    private static void AddDrawingText(OpenXmlPart part, SegmentCollector c, SegmentKind kind, string location)
    {
        var sb = new StringBuilder();
        OoxmlPackage.ReadPart(part, c.Limits, r => DrawingTextReader.Read(r, sb, c.Token));
        c.Add(kind, location, sb.ToString());
    }
}
