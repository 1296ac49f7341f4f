using System.Text;
using System.Xml;
using ClassScan.Extraction.Internal;

namespace ClassScan.Extraction.OpenXml;

/// <summary>Reads workbook.xml (sheet list, 1904 date system) and the shared string table.</summary>
internal static class ExcelWorkbookReader
{
    public static (List<(string Name, string? RelId)> Sheets, bool Date1904) ReadWorkbook(XmlReader r)
    {
        var sheets = new List<(string, string?)>();
        bool date1904 = false;
        while (r.Read())
        {
            if (r.NodeType != XmlNodeType.Element) continue;
            if (r.LocalName == "workbookPr")
            {
                date1904 = r.GetAttribute("date1904") is "1" or "true";
            }
            else if (r.LocalName == "sheet")
            {
                string? relId = null;
                for (bool more = r.MoveToFirstAttribute(); more; more = r.MoveToNextAttribute())
                    if (r.LocalName == "id" && SafeXml.IsRelationshipNamespace(r.NamespaceURI)) relId = r.Value;
                r.MoveToElement();
                sheets.Add((r.GetAttribute("name") ?? $"{sheets.Count + 1}", relId));
            }
        }
        return (sheets, date1904);
    }

    /// <summary>Reads every shared string (rich-text runs joined, phonetic runs skipped), charging the text budget.</summary>
    public static List<string> ReadSharedStrings(XmlReader r, SegmentCollector collector)
    {
        var list = new List<string>();
        var sb = new StringBuilder();
        long chars = 0;
        bool inText = false;
        bool advance = true;
        while (advance ? r.Read() : !r.EOF)
        {
            advance = true;
            switch (r.NodeType)
            {
                case XmlNodeType.Element when r.LocalName is "rPh" or "rPr" or "extLst":
                    r.Skip();
                    advance = false;
                    break;
                case XmlNodeType.Element when r.LocalName == "t":
                    inText = !r.IsEmptyElement;
                    break;
                case XmlNodeType.Element when r.LocalName == "si":
                    sb.Clear();
                    if (r.IsEmptyElement) list.Add("");
                    break;
                case XmlNodeType.EndElement when r.LocalName == "t":
                    inText = false;
                    break;
                case XmlNodeType.EndElement when r.LocalName == "si":
                    chars += sb.Length;
                    list.Add(sb.ToString());
                    if ((list.Count & 4095) == 0)
                    {
                        collector.Token.ThrowIfCancellationRequested();
                        collector.EnsureRoom(chars); // a shared-string bomb fails before the sheets are read
                    }
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    if (inText) sb.Append(r.Value);
                    break;
            }
        }
        collector.EnsureRoom(chars);
        return list;
    }
}
