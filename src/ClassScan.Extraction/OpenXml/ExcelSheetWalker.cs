using System.Globalization;
using System.Text;
using System.Xml;
using ClassScan.Core.Documents;
using ClassScan.Extraction.Internal;

namespace ClassScan.Extraction.OpenXml;

/// <summary>
/// Streams one worksheet (SAX-style, so a large sheet never becomes a DOM): cached cell values as displayed,
/// cells joined by tab, rows by newline, emitted in chunks of whole rows; and the print header/footer.
/// Formulas are not read, only their cached results. The styles part is asked for only when a number needs its
/// format (a sheet of shared strings never opens it).
/// </summary>
internal sealed class ExcelSheetWalker
{
    private const int ChunkChars = 256 * 1024;

    private readonly SegmentCollector collector;
    private readonly IReadOnlyList<string> sharedStrings;
    private readonly Func<ExcelStyles> loadStyles;
    private readonly bool date1904;
    private readonly string location;

    private readonly StringBuilder sheet = new();
    private readonly StringBuilder row = new();
    private readonly StringBuilder value = new();
    private readonly StringBuilder headers = new();
    private readonly StringBuilder footers = new();
    private ExcelStyles? styles;

    // The reader's atomized names of the elements every cell has: compared by reference before the string switch.
    private string cName = "";
    private string vName = "";
    private string rowName = "";

    private ExcelSheetWalker(SegmentCollector collector, IReadOnlyList<string> sharedStrings, Func<ExcelStyles> loadStyles, bool date1904, string location)
    {
        this.collector = collector;
        this.sharedStrings = sharedStrings;
        this.loadStyles = loadStyles;
        this.date1904 = date1904;
        this.location = location;
    }

    public static void Read(XmlReader r, SegmentCollector collector, IReadOnlyList<string> sharedStrings, Func<ExcelStyles> loadStyles, bool date1904, string location) =>
        new ExcelSheetWalker(collector, sharedStrings, loadStyles, date1904, location).Walk(r);

    private void Walk(XmlReader r)
    {
        cName = r.NameTable.Add("c");
        vName = r.NameTable.Add("v");
        rowName = r.NameTable.Add("row");
        string? type = null;
        int style = 0;
        var capture = Capture.None;
        int rows = 0;
        bool advance = true;
        while (advance ? r.Read() : !r.EOF)
        {
            advance = true;
            switch (r.NodeType)
            {
                case XmlNodeType.Element when (object)r.LocalName == vName:
                    capture = r.IsEmptyElement ? Capture.None : Capture.Value;
                    break;
                case XmlNodeType.Element when (object)r.LocalName == cName:
                    type = r.GetAttribute("t");
                    style = int.TryParse(r.GetAttribute("s"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int s) ? s : 0;
                    value.Clear();
                    if (r.IsEmptyElement) type = null;
                    break;
                case XmlNodeType.Element:
                    switch (r.LocalName)
                    {
                        case "f" or "rPh" or "extLst" or "rPr" or "sheetPr" or "cols" or "conditionalFormatting" or "dataValidations":
                            r.Skip();
                            advance = false;
                            continue;
                        case "t" when type == "inlineStr":
                            capture = r.IsEmptyElement ? Capture.None : Capture.Value;
                            break;
                        case "oddHeader" or "evenHeader" or "firstHeader":
                            capture = r.IsEmptyElement ? Capture.None : Capture.Header;
                            break;
                        case "oddFooter" or "evenFooter" or "firstFooter":
                            capture = r.IsEmptyElement ? Capture.None : Capture.Footer;
                            break;
                    }
                    break;
                case XmlNodeType.EndElement when (object)r.LocalName == vName:
                    if (capture == Capture.Value) capture = Capture.None;
                    break;
                case XmlNodeType.EndElement when (object)r.LocalName == cName:
                    AppendCell(type, style);
                    type = null;
                    break;
                case XmlNodeType.EndElement when (object)r.LocalName == rowName:
                    EndRow(ref rows);
                    break;
                case XmlNodeType.EndElement:
                    switch (r.LocalName)
                    {
                        case "t":
                            if (capture == Capture.Value) capture = Capture.None;
                            break;
                        case "oddHeader" or "evenHeader" or "firstHeader" or "oddFooter" or "evenFooter" or "firstFooter":
                            (capture == Capture.Header ? headers : footers).Append('\n');
                            capture = Capture.None;
                            break;
                    }
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    switch (capture)
                    {
                        case Capture.Value: value.Append(r.Value); break;
                        case Capture.Header: headers.Append(ExcelHeaderFooter.StripCodes(r.Value)); break;
                        case Capture.Footer: footers.Append(ExcelHeaderFooter.StripCodes(r.Value)); break;
                    }
                    break;
            }
        }
        if (row.Length > 0) EndRow(ref rows);
        collector.Flush(SegmentKind.Cell, location, sheet);
        collector.Flush(SegmentKind.Header, $"{location} sidhuvud", headers);
        collector.Flush(SegmentKind.Footer, $"{location} sidfot", footers);
    }

    private void AppendCell(string? type, int style)
    {
        if (value.Length == 0) return;
        var raw = value.ToString();
        value.Clear();
        string text = type switch
        {
            "s" => int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out int i) && i >= 0 && i < sharedStrings.Count
                ? sharedStrings[i]
                : "",
            "b" => raw.Trim() is "1" or "true" ? "TRUE" : "FALSE",
            "str" or "inlineStr" or "e" or "d" => raw,
            _ => double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out double d)
                ? ExcelDisplayFormat.Format(d, (styles ??= loadStyles()).FormatCode(style), date1904)
                : raw,
        };
        if (string.IsNullOrWhiteSpace(text)) return;
        if (row.Length > 0) row.Append('\t');
        row.Append(text);
    }

    private void EndRow(ref int rows)
    {
        if (row.Length > 0)
        {
            sheet.Append(row).Append('\n');
            row.Clear();
        }
        if ((++rows & 1023) == 0) collector.Token.ThrowIfCancellationRequested();
        if (sheet.Length > ChunkChars) collector.Flush(SegmentKind.Cell, location, sheet);
    }

    private enum Capture
    {
        None,
        Value,
        Header,
        Footer,
    }
}
