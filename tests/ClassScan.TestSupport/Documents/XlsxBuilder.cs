using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ClassScan.TestSupport.Documents;

/// <summary>
/// Writes a small, valid XLSX in memory with the Open XML SDK.
/// <code>var bytes = new XlsxBuilder().Sheet("Lön", s => s.Row("Namn", "Pnr").Row("Anna", 198112189876L)).Build();</code>
/// </summary>
public sealed class XlsxBuilder
{
    private readonly List<XlsxSheet> sheets = [];
    private readonly List<(string Name, string Value)> customProperties = [];

    public XlsxBuilder Sheet(string name, Action<XlsxSheet> fill)
    {
        var sheet = new XlsxSheet(name);
        fill(sheet);
        sheets.Add(sheet);
        return this;
    }

    public XlsxBuilder CustomProperty(string name, string value)
    {
        customProperties.Add((name, value));
        return this;
    }

    public byte[] Build()
    {
        using var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            var shared = new List<string>();
            var formats = new List<string>(); // custom format codes → numFmtId 164 + index, xf index 2 + index

            var sheetsElement = new Sheets();
            uint sheetId = 1;
            foreach (var sheet in sheets)
            {
                var wsPart = wb.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                for (int r = 0; r < sheet.Rows.Count; r++)
                {
                    var row = new Row { RowIndex = (uint)(r + 1) };
                    for (int c = 0; c < sheet.Rows[r].Length; c++)
                    {
                        var cell = MakeCell(sheet.Rows[r][c], CellRef(c, r + 1), shared, formats);
                        if (cell is not null) row.Append(cell);
                    }
                    data.Append(row);
                }
                var worksheet = new Worksheet(data);
                if (sheet.HeaderText is not null || sheet.FooterText is not null)
                {
                    var hf = new HeaderFooter();
                    if (sheet.HeaderText is not null) hf.Append(new OddHeader(sheet.HeaderText));
                    if (sheet.FooterText is not null) hf.Append(new OddFooter(sheet.FooterText));
                    worksheet.Append(hf);
                }
                wsPart.Worksheet = worksheet;
                if (sheet.Comments.Count > 0)
                {
                    var commentsPart = wsPart.AddNewPart<WorksheetCommentsPart>();
                    commentsPart.Comments = new Comments(
                        new Authors(new Author("Testperson")),
                        new CommentList(sheet.Comments.Select(cm => new Comment(
                            new CommentText(new Run(new Text(cm.Text) { Space = SpaceProcessingModeValues.Preserve })))
                        { Reference = cm.CellRef, AuthorId = 0 })));
                }
                sheetsElement.Append(new Sheet
                {
                    Name = sheet.Name,
                    SheetId = sheetId++,
                    Id = wb.GetIdOfPart(wsPart),
                    State = sheet.IsHidden ? SheetStateValues.Hidden : null,
                });
            }
            wb.Workbook = new Workbook(sheetsElement);

            if (shared.Count > 0)
            {
                var sst = wb.AddNewPart<SharedStringTablePart>();
                sst.SharedStringTable = new SharedStringTable(shared.Select(s => new SharedStringItem(new Text(s) { Space = SpaceProcessingModeValues.Preserve })))
                {
                    Count = (uint)shared.Count,
                    UniqueCount = (uint)shared.Count,
                };
            }
            var styles = wb.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet(formats);
            if (customProperties.Count > 0) OoxmlCustomProperties.Add(doc, customProperties);
        }
        return ms.ToArray();
    }

    private static Cell? MakeCell(object? value, string reference, List<string> shared, List<string> formats)
    {
        switch (value)
        {
            case null:
                return null;
            case string s:
                int index = shared.IndexOf(s);
                if (index < 0)
                {
                    shared.Add(s);
                    index = shared.Count - 1;
                }
                return new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(index.ToString(CultureInfo.InvariantCulture)) };
            case bool b:
                return new Cell { CellReference = reference, DataType = CellValues.Boolean, CellValue = new CellValue(b ? "1" : "0") };
            case DateTime d:
                return new Cell { CellReference = reference, StyleIndex = 1, CellValue = new CellValue(d.ToOADate().ToString("R", CultureInfo.InvariantCulture)) };
            case XlsxCell { InlineText: { } text }:
                return new Cell(new InlineString(new Text(text))) { CellReference = reference, DataType = CellValues.InlineString };
            case XlsxCell { Number: { } number, FormatCode: { } code }:
                int f = formats.IndexOf(code);
                if (f < 0)
                {
                    formats.Add(code);
                    f = formats.Count - 1;
                }
                return new Cell { CellReference = reference, StyleIndex = (uint)(2 + f), CellValue = new CellValue(number.ToString("R", CultureInfo.InvariantCulture)) };
            case int or long or double or decimal or float:
                var n = Convert.ToString(value, CultureInfo.InvariantCulture)!;
                return new Cell { CellReference = reference, CellValue = new CellValue(n) };
            default:
                throw new ArgumentException($"unsupported cell value type {value.GetType().Name}");
        }
    }

    private static Stylesheet Stylesheet(List<string> formats)
    {
        var numFmts = new NumberingFormats(formats.Select((code, i) => new NumberingFormat { NumberFormatId = (uint)(164 + i), FormatCode = code }))
        {
            Count = (uint)formats.Count,
        };
        var xfs = new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { NumberFormatId = 14, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true });
        for (int i = 0; i < formats.Count; i++)
            xfs.Append(new CellFormat { NumberFormatId = (uint)(164 + i), FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true });
        xfs.Count = (uint)xfs.ChildElements.Count;

        var sheet = new Stylesheet();
        if (formats.Count > 0) sheet.Append(numFmts);
        sheet.Append(
            new Fonts(new Font()) { Count = 1 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border()) { Count = 1 },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            xfs);
        return sheet;
    }

    private static string CellRef(int column, int row)
    {
        var name = "";
        for (int c = column + 1; c > 0; c = (c - 1) / 26) name = (char)('A' + ((c - 1) % 26)) + name;
        return name + row.ToString(CultureInfo.InvariantCulture);
    }
}
