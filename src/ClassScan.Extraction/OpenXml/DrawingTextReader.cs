using System.Text;
using System.Xml;

namespace ClassScan.Extraction.OpenXml;

/// <summary>
/// Streams the text of DrawingML-based parts (slides, notes, SmartArt data, sheet drawings, comments): the
/// content of <c>a:t</c> (and of <c>p:text</c> for classic PowerPoint comments), paragraphs and line breaks as
/// newlines, table cells as tabs. <c>mc:Fallback</c> is skipped so alternate content is not read twice.
/// </summary>
internal static class DrawingTextReader
{
    public static void Read(XmlReader r, StringBuilder sb, CancellationToken ct)
    {
        bool inText = false;
        bool advance = true;
        int paragraphs = 0;
        while (advance ? r.Read() : !r.EOF)
        {
            advance = true;
            switch (r.NodeType)
            {
                case XmlNodeType.Element:
                    switch (r.LocalName)
                    {
                        case "Fallback" or "rPr" or "pPr" or "bodyPr" or "spPr" or "extLst" or "rPh":
                            r.Skip();
                            advance = false;
                            continue;
                        case "t" or "text":
                            inText = !r.IsEmptyElement;
                            break;
                        case "br":
                            sb.Append('\n');
                            break;
                    }
                    break;
                case XmlNodeType.EndElement:
                    switch (r.LocalName)
                    {
                        case "t" or "text":
                            inText = false;
                            if (r.LocalName == "text") sb.Append('\n');
                            break;
                        case "p":
                            sb.Append('\n');
                            if ((++paragraphs & 255) == 0) ct.ThrowIfCancellationRequested();
                            break;
                        case "tc":
                            while (sb.Length > 0 && sb[^1] is '\n' or ' ') sb.Length--;
                            sb.Append('\t');
                            break;
                        case "tr":
                            while (sb.Length > 0 && sb[^1] is '\t' or ' ') sb.Length--;
                            sb.Append('\n');
                            break;
                    }
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    if (inText) sb.Append(r.Value);
                    break;
            }
        }
    }
}
