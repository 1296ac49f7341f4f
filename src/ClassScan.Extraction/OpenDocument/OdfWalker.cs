using System.Globalization;
using System.Text;
using System.Xml;
using ClassScan.Core.Documents;
using ClassScan.Extraction.Internal;
using ClassScan.Extraction.OpenXml;

namespace ClassScan.Extraction.OpenDocument;

/// <summary>
/// Streams the XML of an OpenDocument file (styles.xml, content.xml and meta.xml of a package, or the one
/// document of a flat .fodt/.fods/.fodp) into located text, SAX-style so a large sheet never becomes a DOM.
/// Text documents: body paragraphs and tables ("tabell N") in order, text boxes, footnotes and endnotes, comments,
/// headers and footers of the master pages, tracked deletions. Spreadsheets: one "blad 'Namn'" per sheet with its
/// name, cells by tab and rows by newline, repeated cells and rows written out at most <see cref="MaxRepeat"/>
/// times (a sheet repeating an empty cell 16384 times costs nothing). Presentations: "bild N" and
/// "bild N anteckningar". Text in a style with <c>text:display="none"</c> is read into a segment of its own
/// ("brödtext (dold text)"), as the RTF reader reads <c>\v</c>: hidden on screen, still in the file. Master-page placeholders, forms, scripts, embedded binary data and field
/// declarations hold no document text. Metadata: title, subject, description, keywords, user-defined fields
/// (authors left out, as in <see cref="OoxmlProperties"/>). One walker per file; not thread-safe.
/// </summary>
internal sealed class OdfWalker
{
    /// <summary>Repeated cells and rows past this count add nothing a reader of the text needs.</summary>
    public const int MaxRepeat = 16;

    /// <summary>Deeper XML is no document an office suite writes (nested lists and tables stay far below).</summary>
    public const int MaxDepth = 512;

    private const string OfficeNs = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    private const string TextNs = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    private const string TableNs = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    private const string DrawNs = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0";
    private const string StyleNs = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
    private const string PresentationNs = "urn:oasis:names:tc:opendocument:xmlns:presentation:1.0";
    private const string MetaNs = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0";
    private const string DcNs = "http://purl.org/dc/elements/1.1/";
    private const string SvgNs = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0";

    private const int FlushChars = 256 * 1024;
    private const int MaxRepeatedChars = 1024 * 1024;
    private const int MaxSpaces = 64;
    private const int MaxMetaChars = 4096;

    private readonly SegmentCollector collector;
    private readonly Stack<Frame> frames = new();
    private readonly Stack<TableState> tableStates = new();
    private static readonly string HiddenLocation = $"{WordLocations.Body} (dold text)";

    private readonly HashSet<string> hiddenStyles = new(StringComparer.Ordinal);
    private readonly Dictionary<(SegmentKind, string), StringBuilder> side = [];
    private readonly StringBuilder metadata = new();

    private int paragraphDepth;
    private int declDepth;
    private int tables;
    private int textBoxes;
    private int slides;
    private string? styleName;
    private bool inMasterStyles;
    private string sheetLocation = "";
    private string slideLocation = "";
    private DocumentBody body = DocumentBody.None;
    private long nodes;

    public OdfWalker(SegmentCollector collector)
    {
        this.collector = collector;
    }

    /// <summary>Reads one XML part; may be called once per part of a package, styles before content.</summary>
    public void Read(XmlReader r)
    {
        frames.Clear();
        tableStates.Clear();
        paragraphDepth = 0;
        declDepth = 0;
        frames.Push(Frame.Drop(-1));
        bool advance = true;
        while (advance ? r.Read() : !r.EOF)
        {
            advance = true;
            if ((++nodes & 0x3FF) == 0)
            {
                collector.Token.ThrowIfCancellationRequested();
                CheckRoom();
            }
            switch (r.NodeType)
            {
                case XmlNodeType.Element:
                    if (r.Depth > MaxDepth) throw ExtractionStop.Corrupt($"OpenDocument XML nested deeper than {MaxDepth}");
                    if (Start(r))
                    {
                        // Start consumed the element (skipped or read whole): the reader is already on the next node.
                        advance = false;
                        continue;
                    }
                    if (r.IsEmptyElement) End(r.NamespaceURI, r.LocalName, r.Depth);
                    break;
                case XmlNodeType.EndElement:
                    End(r.NamespaceURI, r.LocalName, r.Depth);
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    if (paragraphDepth > 0 || declDepth > 0) AppendCollapsed(frames.Peek().Text, r.Value);
                    break;
            }
        }
        while (frames.Count > 1) Pop();
    }

    /// <summary>Adds what was held for the end: headers, footers, notes, comments, metadata.</summary>
    public void Finish()
    {
        foreach (var ((kind, location), sb) in side) collector.Flush(kind, location, sb);
        side.Clear();
        collector.Flush(SegmentKind.Metadata, "dokumentegenskaper", metadata);
    }

    /// <summary>Handles an element start; true when the reader was moved past the element.</summary>
    private bool Start(XmlReader r)
    {
        var ns = r.NamespaceURI;
        var name = r.LocalName;
        int depth = r.Depth;
        bool empty = r.IsEmptyElement;
        var frame = frames.Peek();
        var sb = frame.Text;

        switch (ns)
        {
            case OfficeNs:
                switch (name)
                {
                    case "text":
                        body = DocumentBody.Text;
                        frames.Push(Frame.Owned(SegmentKind.Body, WordLocations.Body, depth));
                        break;
                    case "spreadsheet":
                        body = DocumentBody.Spreadsheet;
                        frames.Push(Frame.Drop(depth));
                        break;
                    case "presentation" or "drawing":
                        body = name == "presentation" ? DocumentBody.Presentation : DocumentBody.Drawing;
                        frames.Push(Frame.Drop(depth));
                        break;
                    case "master-styles" when !empty:
                        // Master pages hold headers and footers, and for slides placeholder shapes ("Click to add title").
                        frames.Push(Frame.Drop(depth));
                        inMasterStyles = true;
                        break;
                    case "annotation":
                        frames.Push(SideFrame(SegmentKind.Comment, Where("kommentar"), depth));
                        break;
                    case "binary-data" or "forms" or "scripts" or "event-listeners" or "settings" or "change-info":
                        r.Skip();
                        return true;
                    case "meta":
                        ReadMeta(r);
                        return true;
                }
                break;

            case TextNs:
                switch (name)
                {
                    case "p" or "h":
                        if (IsHidden(r)) frames.Push(SideFrame(SegmentKind.Body, HiddenLocation, depth));
                        paragraphDepth++;
                        break;
                    case "sheet-name" or "title" or "date" or "time" or "page-number" or "page-count" or "file-name"
                        or "chapter" when inMasterStyles:
                        // A field in a page header is computed when printing: its text is a placeholder ("???", "00/00/0000").
                        r.Skip();
                        return true;
                    case "span" when IsHidden(r) && !r.IsEmptyElement:
                        frames.Push(SideFrame(SegmentKind.Body, HiddenLocation, depth));
                        break;
                    case "note-citation" or "hidden-text" or "hidden-paragraph" or "sequence-decls" or "variable-decls"
                        or "user-field-decls" or "table-of-content-source" or "alphabetical-index-source"
                        or "illustration-index-source" or "bibliography-source" or "index-title-template":
                        r.Skip();
                        return true;
                    case "s":
                        int count = int.TryParse(r.GetAttribute("c", TextNs), NumberStyles.Integer, CultureInfo.InvariantCulture, out int c) ? c : 1;
                        sb?.Append(' ', Math.Clamp(count, 1, MaxSpaces));
                        break;
                    case "tab":
                        sb?.Append(InCell(frame) ? ' ' : '\t');
                        break;
                    case "line-break":
                        sb?.Append(InCell(frame) ? ' ' : '\n');
                        break;
                    case "note":
                        bool endnote = r.GetAttribute("note-class", TextNs) == "endnote";
                        frames.Push(endnote
                            ? SideFrame(SegmentKind.Endnote, Where(WordLocations.Endnote), depth)
                            : SideFrame(SegmentKind.Footnote, Where(WordLocations.Footnote), depth));
                        break;
                    case "tracked-changes" when !empty:
                        frames.Push(SideFrame(SegmentKind.Body, $"{WordLocations.Body} (borttagen text)", depth));
                        break;
                }
                break;

            case TableNs:
                switch (name)
                {
                    case "table" when !empty:
                        StartTable(r, depth);
                        break;
                    case "table-row" when tableStates.TryPeek(out var row):
                        row.RowStart = row.Frame.Text?.Length ?? 0;
                        row.RowRepeat = Repeat(r, "number-rows-repeated");
                        break;
                    case "table-cell" or "covered-table-cell" when tableStates.TryPeek(out var cell):
                        cell.CellStart = cell.Frame.Text?.Length ?? 0;
                        cell.CellRepeat = Repeat(r, "number-columns-repeated");
                        cell.CellValue = CellValue(r);
                        cell.WholeNumber = WholeNumber(r);
                        cell.InCell = true;
                        break;
                }
                break;

            case DrawNs:
                switch (name)
                {
                    case "page" when body is DocumentBody.Presentation or DocumentBody.Drawing:
                        slides++;
                        slideLocation = body == DocumentBody.Presentation ? $"bild {slides}" : $"sida {slides}";
                        frames.Push(Frame.Owned(SegmentKind.Body, slideLocation, depth));
                        break;
                    case "text-box" when body == DocumentBody.Text && frame.Kind == SegmentKind.Body && frame.Owns:
                        frames.Push(Frame.Owned(SegmentKind.TextBox, WordLocations.TextBox(++textBoxes), depth));
                        break;
                    case "text-box" when body == DocumentBody.Spreadsheet && frame.Text is not null:
                        frames.Push(SideFrame(SegmentKind.TextBox, $"{sheetLocation} textruta", depth));
                        break;
                    case "object" or "object-ole" or "image" or "plugin" or "applet":
                        // Embedded objects are separate sub-documents (a chart, a formula); their replacement image is no text.
                        r.Skip();
                        return true;
                }
                break;

            case PresentationNs:
                switch (name)
                {
                    case "notes" when body is DocumentBody.Presentation or DocumentBody.Drawing && frame.Text is not null:
                        // Notes come last in a page: the slide's own text is added first, so "bild N" precedes its notes.
                        Flush(frame);
                        frames.Push(Frame.Owned(SegmentKind.Notes, $"{slideLocation} anteckningar", depth));
                        break;
                    case "header-decl" or "footer-decl" when !empty:
                        frames.Push(SideFrame(name == "header-decl" ? SegmentKind.Header : SegmentKind.Footer,
                            name == "header-decl" ? WordLocations.Header : WordLocations.Footer, depth));
                        declDepth++;
                        break;
                }
                break;

            case StyleNs:
                switch (name)
                {
                    case "style":
                        styleName = r.GetAttribute("name", StyleNs);
                        break;
                    case "text-properties" when styleName is not null && r.GetAttribute("display", TextNs) == "none":
                        hiddenStyles.Add(styleName);
                        break;
                    case "header" or "header-left" or "header-first" or "footer" or "footer-left" or "footer-first" when !empty:
                        frames.Push(name.StartsWith("header", StringComparison.Ordinal)
                            ? SideFrame(SegmentKind.Header, WordLocations.Header, depth)
                            : SideFrame(SegmentKind.Footer, WordLocations.Footer, depth));
                        break;
                }
                break;

            case DcNs when name is "creator" or "date":
            case SvgNs when name is "title" or "desc":
                // Who wrote a comment, and a shape's alternative text: not the document's visible text.
                r.Skip();
                return true;
        }
        return false;
    }

    private void End(string ns, string name, int depth)
    {
        var frame = frames.Peek();
        var sb = frame.Text;
        switch (ns)
        {
            case TextNs when name is "p" or "h":
                if (paragraphDepth > 0) paragraphDepth--;
                if (sb is null) break;
                if (InCell(frame))
                {
                    if (sb.Length > 0 && !char.IsWhiteSpace(sb[^1])) sb.Append(' ');
                }
                else
                {
                    sb.Append('\n');
                    bool tableFrame = tableStates.TryPeek(out var open) && open.Frame == frame;
                    if (frame.Owns && !tableFrame && sb.Length > FlushChars) Flush(frame);
                }
                break;
            case TableNs:
                switch (name)
                {
                    case "table-cell" or "covered-table-cell" when tableStates.TryPeek(out var cell):
                        EndCell(cell);
                        break;
                    case "table-row" when tableStates.TryPeek(out var row):
                        EndRow(row);
                        break;
                    case "table" when tableStates.TryPeek(out var table) && table.Depth == depth:
                        tableStates.Pop();
                        break;
                }
                break;
            case StyleNs when name == "style":
                styleName = null;
                break;
            case OfficeNs when name == "master-styles":
                inMasterStyles = false;
                break;
            case PresentationNs when name is "header-decl" or "footer-decl":
                if (declDepth > 0) declDepth--;
                break;
        }
        if (frames.Count > 1 && frame.Depth == depth) Pop();
    }

    private void StartTable(XmlReader r, int depth)
    {
        var frame = frames.Peek();
        if (body == DocumentBody.Spreadsheet && frame.Kind is null && tableStates.Count == 0)
        {
            var sheet = r.GetAttribute("name", TableNs) ?? "";
            sheetLocation = $"blad '{sheet}'";
            collector.Add(SegmentKind.SheetName, sheetLocation, sheet);
            frame = Frame.Owned(SegmentKind.Cell, sheetLocation, depth);
            frames.Push(frame);
        }
        else if (body == DocumentBody.Text && frame.Kind == SegmentKind.Body && frame.Owns)
        {
            // Body text before the table is its own segment, so segments stay in document order.
            Flush(frame);
            frame = Frame.Owned(SegmentKind.Table, WordLocations.Table(++tables), depth);
            frames.Push(frame);
        }
        tableStates.Push(new TableState(frame, depth));
    }

    private static void EndCell(TableState cell)
    {
        cell.InCell = false;
        var sb = cell.Frame.Text;
        if (sb is null) return;
        int start = Math.Min(cell.CellStart, sb.Length);
        while (sb.Length > start && sb[^1] is ' ' or '\n') sb.Length--;
        if (sb.Length == start && cell.CellValue is { Length: > 0 } value) sb.Append(value.AsSpan(0, Math.Min(value.Length, MaxMetaChars)));
        if (cell.WholeNumber is { } digits && sb.Length > start && sb.ToString(start, sb.Length - start).Replace(" ", "", StringComparison.Ordinal)
                .IndexOf(digits, StringComparison.Ordinal) < 0)
        {
            // A long number shown rounded or in scientific notation ("1,91212E+11"): its full digits are what an
            // identity number detector needs, as the Excel extractor writes numbers in full digits.
            sb.Append(" (").Append(digits).Append(')');
        }
        int length = sb.Length - start;
        int repeat = Math.Min(cell.CellRepeat, MaxRepeat);
        if (length == 0)
        {
            sb.Append('\t', repeat);
            return;
        }
        if (repeat > 1)
        {
            // Copies stop early for a long cell: a repeated cell must not multiply a large text.
            var text = sb.ToString(start, length);
            for (int i = 1; i < repeat && sb.Length < MaxRepeatedChars; i++) sb.Append('\t').Append(text);
        }
        sb.Append('\t');
    }

    private void EndRow(TableState row)
    {
        var sb = row.Frame.Text;
        if (sb is null) return;
        int start = Math.Min(row.RowStart, sb.Length);
        while (sb.Length > start && sb[^1] is '\t' or ' ' or '\n') sb.Length--;
        // An empty row (LibreOffice writes a million of them as one repeated row) adds nothing, not even a line.
        if (sb.Length == start) return;
        sb.Append('\n');
        int repeat = Math.Min(row.RowRepeat, MaxRepeat);
        if (repeat > 1)
        {
            var text = sb.ToString(start, sb.Length - start);
            for (int i = 1; i < repeat && sb.Length < MaxRepeatedChars; i++) sb.Append(text);
        }
        if (tableStates.Count == 1 && row.Frame == frames.Peek() && sb.Length > FlushChars) Flush(row.Frame);
    }

    private bool InCell(Frame frame) => tableStates.TryPeek(out var t) && t.InCell && t.Frame == frame;

    private bool IsHidden(XmlReader r) =>
        hiddenStyles.Count > 0 && r.GetAttribute("style-name", TextNs) is { } style && hiddenStyles.Contains(style);

    private static int Repeat(XmlReader r, string attribute) =>
        int.TryParse(r.GetAttribute(attribute, TableNs), NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n > 1 ? n : 1;

    /// <summary>The typed value of a cell, used when the cell has no displayed text (files written by other tools).</summary>
    private static string? CellValue(XmlReader r) =>
        r.GetAttribute("string-value", OfficeNs) ?? r.GetAttribute("value", OfficeNs) ?? r.GetAttribute("date-value", OfficeNs)
        ?? r.GetAttribute("time-value", OfficeNs) ?? r.GetAttribute("boolean-value", OfficeNs);

    /// <summary>The digits of a float cell holding a whole number of 10 to 15 digits (an identity number's size), else null.</summary>
    private static string? WholeNumber(XmlReader r)
    {
        if (r.GetAttribute("value-type", OfficeNs) != "float" || r.GetAttribute("value", OfficeNs) is not { } value) return null;
        if (value.EndsWith(".0", StringComparison.Ordinal)) value = value[..^2];
        return value.Length is >= 10 and <= 15 && value.All(char.IsAsciiDigit) ? value : null;
    }

    /// <summary>Where a note or comment sits: in a sheet or slide when inside one, else the text document's label.</summary>
    private string Where(string label) => body switch
    {
        DocumentBody.Spreadsheet when sheetLocation.Length > 0 => $"{sheetLocation} {label}",
        DocumentBody.Presentation or DocumentBody.Drawing when slideLocation.Length > 0 => $"{slideLocation} {label}",
        _ => label,
    };

    private Frame SideFrame(SegmentKind kind, string location, int depth)
    {
        if (!side.TryGetValue((kind, location), out var sb))
        {
            sb = new StringBuilder();
            side[(kind, location)] = sb;
        }
        else if (sb.Length > 0 && sb[^1] != '\n')
        {
            sb.Append('\n');
        }
        return new Frame(kind, location, depth, sb, owns: false);
    }

    private void Pop()
    {
        var f = frames.Pop();
        if (f.Owns) Flush(f);
        else if (f.Text is { Length: > 0 } sb && sb[^1] != '\n') sb.Append('\n');
    }

    private void Flush(Frame f)
    {
        if (f.Kind is { } kind && f.Text is not null) collector.Flush(kind, f.Location, f.Text);
    }

    private void ReadMeta(XmlReader r)
    {
        if (r.IsEmptyElement)
        {
            r.Read();
            return;
        }
        int depth = r.Depth;
        r.Read();
        while (!r.EOF && !(r.NodeType == XmlNodeType.EndElement && r.Depth == depth))
        {
            if (r.NodeType != XmlNodeType.Element)
            {
                r.Read();
                continue;
            }
            string? label = (r.NamespaceURI, r.LocalName) switch
            {
                (DcNs, "title") => "Titel",
                (DcNs, "subject") => "Ämne",
                (DcNs, "description") => "Beskrivning",
                (MetaNs, "keyword") => "Nyckelord",
                (MetaNs, "user-defined") => r.GetAttribute("name", MetaNs),
                _ => null,
            };
            if (label is null || r.IsEmptyElement)
            {
                r.Skip();
                continue;
            }
            var value = r.ReadElementContentAsString().Trim();
            if (value.Length > MaxMetaChars) value = value[..MaxMetaChars];
            if (value.Length > 0) metadata.Append(label).Append(": ").Append(value).Append('\n');
        }
        r.Read();
    }

    /// <summary>ODF collapses white space in paragraphs (runs become one space; text:s, text:tab carry the rest).</summary>
    private static void AppendCollapsed(StringBuilder? sb, string text)
    {
        if (sb is null) return;
        foreach (var ch in text)
        {
            if (ch is ' ' or '\t' or '\n' or '\r')
            {
                if (sb.Length > 0 && sb[^1] != ' ' && sb[^1] != '\n' && sb[^1] != '\t') sb.Append(' ');
            }
            else
            {
                sb.Append(ch);
            }
        }
    }

    /// <summary>Text held in frames counts against the limit before it is added, so no builder grows past it.</summary>
    private void CheckRoom()
    {
        long pending = metadata.Length;
        foreach (var f in frames) pending += f.Owns ? f.Text?.Length ?? 0 : 0;
        foreach (var sb in side.Values) pending += sb.Length;
        if (collector.TotalChars + pending <= collector.Limits.MaxExtractedChars) return;
        foreach (var f in frames.Reverse().Where(f => f.Owns)) Flush(f);
        Finish();
        collector.StopAtLimit();
    }

    private enum DocumentBody
    {
        None,
        Text,
        Spreadsheet,
        Presentation,
        Drawing,
    }

    /// <summary>
    /// Where the text of an element subtree goes: a segment of its own (<see cref="Owns"/>, added when the element
    /// ends), a builder shared by all notes or headers (added at the end), or nowhere (<see cref="Text"/> null).
    /// </summary>
    private sealed class Frame(SegmentKind? kind, string location, int depth, StringBuilder? text, bool owns)
    {
        public SegmentKind? Kind { get; } = kind;
        public string Location { get; } = location;
        public int Depth { get; } = depth;
        public StringBuilder? Text { get; } = text;
        public bool Owns { get; } = owns;

        public static Frame Drop(int depth) => new(null, "", depth, null, false);

        public static Frame Owned(SegmentKind kind, string location, int depth) => new(kind, location, depth, new StringBuilder(), true);
    }

    /// <summary>The open table, row and cell: where their text starts in the frame's builder and how often they repeat.</summary>
    private sealed class TableState(Frame frame, int depth)
    {
        public Frame Frame { get; } = frame;
        public int Depth { get; } = depth;
        public int RowStart { get; set; }
        public int RowRepeat { get; set; } = 1;
        public int CellStart { get; set; }
        public int CellRepeat { get; set; } = 1;
        public string? CellValue { get; set; }
        public string? WholeNumber { get; set; }
        public bool InCell { get; set; }
    }
}
