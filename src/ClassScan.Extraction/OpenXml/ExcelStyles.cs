using System.Globalization;
using System.Xml;

namespace ClassScan.Extraction.OpenXml;

/// <summary>The number format code of each cell style (cellXfs index → format code); read from styles.xml.</summary>
internal sealed class ExcelStyles
{
    private readonly List<int> cellXfFormats = [];
    private readonly Dictionary<int, string> custom = [];

    public static ExcelStyles Empty { get; } = new();

    public string? FormatCode(int styleIndex)
    {
        if (styleIndex < 0 || styleIndex >= cellXfFormats.Count) return null;
        int id = cellXfFormats[styleIndex];
        return custom.TryGetValue(id, out var code) ? code : ExcelDisplayFormat.BuiltInCode(id);
    }

    public static ExcelStyles Read(XmlReader r)
    {
        var styles = new ExcelStyles();
        bool inCellXfs = false;
        while (r.Read())
        {
            if (r.NodeType == XmlNodeType.EndElement && r.LocalName == "cellXfs") inCellXfs = false;
            if (r.NodeType != XmlNodeType.Element) continue;
            switch (r.LocalName)
            {
                case "numFmt":
                    if (int.TryParse(r.GetAttribute("numFmtId"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int id)
                        && r.GetAttribute("formatCode") is { } code)
                        styles.custom[id] = code;
                    break;
                case "cellXfs":
                    inCellXfs = !r.IsEmptyElement;
                    break;
                case "xf" when inCellXfs:
                    styles.cellXfFormats.Add(int.TryParse(r.GetAttribute("numFmtId"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int f) ? f : 0);
                    break;
            }
        }
        return styles;
    }
}
