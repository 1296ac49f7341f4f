using System.Text;
using System.Xml.Linq;

namespace ClassScan.TestSupport.Spreadsheets;

/// <summary>Reads the cells of a flat ODS file (.fods, what soffice --convert-to fods writes).</summary>
public static class FlatOds
{
    private static readonly XNamespace Table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    private static readonly XNamespace Text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    private static readonly XNamespace Office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";

    // Calc pads a sheet with repeated empty rows and cells up to its size; only content is expanded.
    private const int MaxRepeat = 256;

    /// <summary>Rows of the first sheet, each a list of cells; trailing empty rows are left out.</summary>
    public static IReadOnlyList<IReadOnlyList<SpreadsheetCell>> FirstSheet(string path)
    {
        var sheet = XDocument.Load(path).Descendants(Table + "table").First();
        var rows = new List<IReadOnlyList<SpreadsheetCell>>();
        foreach (var row in sheet.Descendants(Table + "table-row"))
        {
            var cells = new List<SpreadsheetCell>();
            foreach (var c in row.Elements().Where(e => e.Name == Table + "table-cell" || e.Name == Table + "covered-table-cell"))
            {
                var cell = Read(c);
                var repeat = (int?)c.Attribute(Table + "number-columns-repeated") ?? 1;
                for (var i = 0; i < Math.Min(repeat, cell == SpreadsheetCell.Empty ? MaxRepeat : int.MaxValue); i++) cells.Add(cell);
            }
            while (cells.Count > 0 && cells[^1] == SpreadsheetCell.Empty) cells.RemoveAt(cells.Count - 1);
            var rowRepeat = (int?)row.Attribute(Table + "number-rows-repeated") ?? 1;
            for (var i = 0; i < (cells.Count == 0 ? Math.Min(rowRepeat, MaxRepeat) : rowRepeat); i++) rows.Add(cells);
        }
        while (rows.Count > 0 && rows[^1].Count == 0) rows.RemoveAt(rows.Count - 1);
        return rows;
    }

    private static SpreadsheetCell Read(XElement c)
    {
        var formula = (string?)c.Attribute(Table + "formula");
        var type = (string?)c.Attribute(Office + "value-type");
        var paragraphs = c.Elements(Text + "p").Select(p =>
        {
            var sb = new StringBuilder();
            Append(p, sb);
            return sb.ToString();
        });
        var text = string.Join("\n", paragraphs);
        return formula is null && type is null && text.Length == 0 ? SpreadsheetCell.Empty : new SpreadsheetCell(text, formula, type);
    }

    // ODF keeps runs of spaces, tabs and line breaks as elements, not characters.
    private static void Append(XElement e, StringBuilder sb)
    {
        foreach (var node in e.Nodes())
        {
            if (node is XText t) sb.Append(t.Value);
            else if (node is XElement x)
            {
                if (x.Name == Text + "s") sb.Append(' ', (int?)x.Attribute(Text + "c") ?? 1);
                else if (x.Name == Text + "tab") sb.Append('\t');
                else if (x.Name == Text + "line-break") sb.Append('\n');
                else Append(x, sb);
            }
        }
    }
}
