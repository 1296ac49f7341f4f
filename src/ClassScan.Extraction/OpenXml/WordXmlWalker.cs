using System.Text;
using System.Xml;
using ClassScan.Core.Documents;
using ClassScan.Extraction.Internal;

namespace ClassScan.Extraction.OpenXml;

/// <summary>
/// Streams the text of one WordprocessingML part (document, header, footnotes, comments...). Elements are matched
/// by local name so Strict (ISO 29500) namespaces work too. Runs are concatenated without separators, so a
/// number split over runs ("1912" + "1212-1212") stays contiguous; tabs and breaks become space/newline.
/// In body mode tables and text boxes become their own segments; otherwise all text goes to one segment.
/// </summary>
internal sealed class WordXmlWalker
{
    // Property and field-code subtrees hold no visible text; pPr also holds w:tabs/w:tab (tab stops, not tabs).
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal)
    {
        "pPr", "rPr", "sectPr", "tblPr", "tblGrid", "trPr", "tcPr", "tblPrEx", "instrText", "delInstrText",
        "moveFrom", "binData", "fldData",
    };

    private const int BodyFlushChars = 256 * 1024;

    private readonly SegmentCollector collector;
    private readonly bool splitBody;
    private readonly SegmentKind flatKind;
    private readonly string flatLocation;
    private readonly Stack<Frame> frames = new();
    private readonly StringBuilder deleted = new();

    // Per open mc:AlternateContent: whether its Choice produced text. The Fallback usually repeats the Choice
    // (a VML copy of a text box) but sometimes is the only copy of the text (a linked text box in the Choice).
    private readonly Stack<bool> alternateHadText = new();
    private int tables;
    private int textBoxes;
    private int runDepth;
    private int paragraphs;

    private WordXmlWalker(SegmentCollector collector, bool splitBody, SegmentKind flatKind, string flatLocation)
    {
        this.collector = collector;
        this.splitBody = splitBody;
        this.flatKind = flatKind;
        this.flatLocation = flatLocation;
    }

    /// <summary>Main document: body text, tables and text boxes as separate segments, in document order.</summary>
    public static void ReadBody(XmlReader reader, SegmentCollector collector) =>
        new WordXmlWalker(collector, splitBody: true, SegmentKind.Body, WordLocations.Body).Walk(reader);

    /// <summary>Any other part: all of its text in one segment of the given kind.</summary>
    public static void ReadFlat(XmlReader reader, SegmentCollector collector, SegmentKind kind, string location) =>
        new WordXmlWalker(collector, splitBody: false, kind, location).Walk(reader);

    private void Walk(XmlReader r)
    {
        frames.Push(new Frame(flatKind, flatLocation, -1));
        TextTarget textTarget = TextTarget.None;
        bool advance = true;
        while (advance ? r.Read() : !r.EOF)
        {
            advance = true;
            switch (r.NodeType)
            {
                case XmlNodeType.Element:
                {
                    var name = r.LocalName;
                    if (Skipped.Contains(name) || (name == "Fallback" && alternateHadText.TryPeek(out bool had) && had))
                    {
                        r.Skip();
                        advance = false;
                        continue;
                    }
                    bool empty = r.IsEmptyElement;
                    Start(name, r.Depth, empty, ref textTarget);
                    if (empty) End(name, r.Depth, ref textTarget, wasEmpty: true);
                    break;
                }
                case XmlNodeType.EndElement:
                    End(r.LocalName, r.Depth, ref textTarget, wasEmpty: false);
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    if (textTarget == TextTarget.Visible) frames.Peek().Text.Append(r.Value);
                    else if (textTarget == TextTarget.Deleted) deleted.Append(r.Value);
                    break;
            }
        }

        while (frames.Count > 1) Pop();
        var last = frames.Pop();
        collector.Flush(last.Kind, last.Location, last.Text);
        collector.Flush(flatKind, $"{flatLocation} (borttagen text)", deleted);
    }

    private void Start(string name, int depth, bool empty, ref TextTarget textTarget)
    {
        var sb = frames.Peek().Text;
        if (name is "t" or "delText" or "txbxContent" && alternateHadText.Count > 0)
        {
            alternateHadText.Pop();
            alternateHadText.Push(true);
        }
        switch (name)
        {
            case "AlternateContent" when !empty:
                alternateHadText.Push(false);
                break;
            case "t":
                textTarget = TextTarget.Visible;
                break;
            case "delText":
                textTarget = TextTarget.Deleted;
                break;
            case "r":
                if (!empty) runDepth++;
                break;
            case "tab" or "ptab" when runDepth > 0:
                sb.Append('\t');
                break;
            case "br" or "cr" when runDepth > 0:
                sb.Append('\n');
                break;
            case "noBreakHyphen":
                sb.Append('-');
                break;
            case "tbl" when splitBody && frames.Peek().Kind == SegmentKind.Body && !empty:
                collector.Flush(SegmentKind.Body, WordLocations.Body, sb);
                frames.Push(new Frame(SegmentKind.Table, WordLocations.Table(++tables), depth));
                break;
            case "txbxContent" when !empty:
                if (splitBody && frames.Peek().Kind != SegmentKind.TextBox)
                    frames.Push(new Frame(SegmentKind.TextBox, WordLocations.TextBox(++textBoxes), depth));
                else if (sb.Length > 0 && !char.IsWhiteSpace(sb[^1]))
                    sb.Append('\n'); // a text box sits inside a run: keep its words apart from the paragraph's
                break;
        }
    }

    private void End(string name, int depth, ref TextTarget textTarget, bool wasEmpty)
    {
        var frame = frames.Peek();
        var sb = frame.Text;
        switch (name)
        {
            case "AlternateContent" when alternateHadText.Count > 0:
                bool had = alternateHadText.Pop();
                if (had && alternateHadText.Count > 0)
                {
                    alternateHadText.Pop();
                    alternateHadText.Push(true);
                }
                break;
            case "t" or "delText":
                textTarget = TextTarget.None;
                break;
            case "r":
                if (!wasEmpty && runDepth > 0) runDepth--;
                break;
            case "p":
                if (frame.Kind == SegmentKind.Table) AppendSeparator(sb, ' ');
                else sb.Append('\n');
                if (deleted.Length > 0 && deleted[^1] != '\n') deleted.Append('\n');
                if ((++paragraphs & 255) == 0)
                {
                    collector.Token.ThrowIfCancellationRequested();
                    collector.EnsureRoom(sb, frame.Kind, WordLocations.Body);
                }
                if (splitBody && frames.Count == 1 && sb.Length > BodyFlushChars)
                    collector.Flush(SegmentKind.Body, WordLocations.Body, sb);
                break;
            case "tc":
                TrimEnd(sb);
                sb.Append('\t');
                break;
            case "tr":
                TrimEnd(sb);
                sb.Append('\n');
                break;
            case "tbl" or "txbxContent" when frames.Count > 1 && frame.Depth == depth:
                Pop();
                break;
        }
    }

    private void Pop()
    {
        var f = frames.Pop();
        collector.Flush(f.Kind, f.Location, f.Text);
    }

    private static void AppendSeparator(StringBuilder sb, char c)
    {
        if (sb.Length > 0 && !char.IsWhiteSpace(sb[^1])) sb.Append(c);
    }

    private static void TrimEnd(StringBuilder sb)
    {
        while (sb.Length > 0 && sb[^1] is ' ' or '\t' or '\n') sb.Length--;
    }

    private enum TextTarget
    {
        None,
        Visible,
        Deleted,
    }

    private sealed record Frame(SegmentKind Kind, string Location, int Depth)
    {
        public StringBuilder Text { get; } = new();
    }
}
