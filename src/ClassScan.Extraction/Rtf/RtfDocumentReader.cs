using System.Text;
using ClassScan.Core.Documents;
using ClassScan.Extraction.Internal;
using ClassScan.Extraction.OpenXml;

namespace ClassScan.Extraction.Rtf;

/// <summary>
/// Interprets RTF tokens (<see cref="RtfTokenizer"/>) into located text, the way Word renders the file: a state
/// stack per group (destination, hidden, font, <c>\uc</c>, in-table), bytes decoded in the code page of the current
/// font (<c>\fcharset</c>, <c>\cpg</c>) or of the document (<c>\ansicpg</c>), with a stateful decoder so a DBCS
/// character split over two <c>\'hh</c> stays whole; <c>\uN</c> with its <c>\ucN</c> fallback skipped.
/// Hidden text (<c>\v</c>) is read into a segment of its own ("brödtext (dold text)"): Word does not show it, but it
/// is in the file, one click from view, and a secret there is still in the cloud. Styles, pictures, object data and
/// field codes are skipped. Body paragraphs and tables become Body and Table segments in document order; headers, footers,
/// footnotes, endnotes, annotations and text boxes their own kinds; tracked deletions (<c>\deleted</c>) a segment of
/// their own, like the Word extractor's; title, subject, keywords, comments, category and custom properties one
/// Metadata segment (author names left out, as in <see cref="OoxmlProperties"/>).
/// Group nesting is bounded (<see cref="MaxGroupDepth"/>); text is bounded by the collector's limit. One per call.
/// </summary>
internal sealed class RtfDocumentReader
{
    /// <summary>Deeper nesting is no document Word writes (tables in tables in shapes stay far below it): corrupt or hostile.</summary>
    public const int MaxGroupDepth = 1000;

    private const int FlushChars = 256 * 1024;
    private const int MaxFieldChars = 4096;
    private const int DecodeChunk = 16 * 1024;
    private const int MaxFonts = 4096;

    private readonly SegmentCollector collector;
    private readonly State[] stack = new State[MaxGroupDepth];
    private int depth;
    private State cur = State.Initial;

    private int documentCodePage = RtfCodePages.Windows1252;
    private int defaultFont = -1;
    private int definingFont = -1;
    private readonly Dictionary<int, int?> fontCodePages = [];

    private Decoder? decoder;
    private int decoderCodePage = -1;
    private bool decoderPending;
    private char[] chars = new char[DecodeChunk + 16];

    // Characters of \uN's fallback still to skip (RTF 1.9.1: the count ends at a group boundary).
    private int fallbackToSkip;

    private readonly StringBuilder body = new();
    private bool bodyIsTable;
    private int tables;
    private int textBoxes;
    private readonly StringBuilder header = new();
    private readonly StringBuilder footer = new();
    private readonly StringBuilder footnote = new();
    private readonly StringBuilder endnote = new();
    private readonly StringBuilder comment = new();
    private readonly StringBuilder textBox = new();
    private readonly StringBuilder deleted = new();
    private readonly StringBuilder hidden = new();
    private readonly StringBuilder metadata = new();
    private readonly StringBuilder field = new();
    private readonly StringBuilder propertyName = new();
    private string fieldLabel = "";

    private RtfDocumentReader(SegmentCollector collector)
    {
        this.collector = collector;
    }

    /// <summary>Reads <paramref name="rtf"/> (from its <c>{\rtf</c>) into <paramref name="collector"/>.</summary>
    public static void Read(ReadOnlySpan<byte> rtf, SegmentCollector collector) => new RtfDocumentReader(collector).Walk(rtf);

    private void Walk(ReadOnlySpan<byte> rtf)
    {
        var tokens = new RtfTokenizer(rtf);
        int count = 0;
        bool open = true;
        while (open)
        {
            var kind = tokens.Next();
            if ((++count & 0xFFF) == 0)
            {
                collector.Token.ThrowIfCancellationRequested();
                CheckRoom();
            }
            switch (kind)
            {
                case RtfTokenKind.End:
                    open = false;
                    break;
                case RtfTokenKind.GroupStart:
                    FlushBytes();
                    fallbackToSkip = 0;
                    Push();
                    break;
                case RtfTokenKind.GroupEnd:
                    FlushBytes();
                    fallbackToSkip = 0;
                    open = Pop();
                    break;
                case RtfTokenKind.ControlWord:
                    if (SkipFallback()) break;
                    FlushBytes();
                    ControlWord(tokens.Word, tokens.HasParameter, tokens.Parameter);
                    break;
                case RtfTokenKind.ControlSymbol:
                    if (SkipFallback()) break;
                    FlushBytes();
                    ControlSymbol(tokens.Symbol);
                    break;
                case RtfTokenKind.HexByte:
                    if (SkipFallback()) break;
                    cur.Star = false;
                    Bytes([(byte)tokens.Parameter]);
                    break;
                case RtfTokenKind.Text:
                {
                    var data = tokens.Data;
                    int skip = Math.Min(fallbackToSkip, data.Length);
                    fallbackToSkip -= skip;
                    cur.Star = false;
                    Bytes(data[skip..]);
                    break;
                }
                case RtfTokenKind.Binary:
                    // Raw data (pictures, objects) is never text; it counts as one fallback character.
                    SkipFallback();
                    break;
            }
        }
        Finish();
    }

    private bool SkipFallback()
    {
        if (fallbackToSkip == 0) return false;
        fallbackToSkip--;
        return true;
    }

    private void Push()
    {
        if (depth == MaxGroupDepth)
            throw ExtractionStop.Corrupt($"RTF groups nested deeper than {MaxGroupDepth}");
        var parent = cur;
        stack[depth++] = cur;
        cur.Star = false;
        cur.Upr = false;
        cur.UprAlternative = false;
        if (parent.Upr)
        {
            // {\upr{ANSI text}{\*\ud{Unicode text}}}: the same text twice; only the \ud child is read.
            cur.UprAlternative = true;
            cur.Destination = RtfDestination.Skip;
        }
    }

    /// <summary>Closes a group; false when it was the document's outer group (what follows it is not the document).</summary>
    private bool Pop()
    {
        if (depth == 0) return false;
        var closing = cur;
        cur = stack[--depth];
        if (closing.Destination != cur.Destination) EndDestination(closing.Destination);
        return depth > 0;
    }

    private void EndDestination(RtfDestination destination)
    {
        switch (destination)
        {
            case RtfDestination.MetadataField:
                var value = field.ToString().Trim();
                field.Clear();
                if (value.Length > 0 && fieldLabel.Length > 0) metadata.Append(fieldLabel).Append(": ").Append(value).Append('\n');
                break;
            case RtfDestination.TextBox:
                collector.Flush(SegmentKind.TextBox, WordLocations.TextBox(++textBoxes), textBox);
                break;
            case RtfDestination.Header or RtfDestination.Footer or RtfDestination.Footnote or RtfDestination.Endnote or RtfDestination.Comment:
                var sb = Builder(destination);
                if (sb.Length > 0 && sb[^1] != '\n') sb.Append('\n');
                break;
        }
    }

    private void ControlWord(ReadOnlySpan<byte> word, bool hasParameter, int parameter)
    {
        bool star = cur.Star;
        cur.Star = false;
        if (word.Length > RtfTokenizer.MaxWordLength) return;
        Span<char> buffer = stackalloc char[RtfTokenizer.MaxWordLength];
        for (int i = 0; i < word.Length; i++) buffer[i] = (char)word[i];
        ReadOnlySpan<char> name = buffer[..word.Length];
        if (cur.UprAlternative && name is "ud")
        {
            cur.UprAlternative = false;
            cur.Destination = stack[depth - 1].Destination;
            return;
        }
        if (cur.Destination == RtfDestination.Skip) return;
        if (name is "upr")
        {
            cur.Upr = true;
            return;
        }

        // "\*" marks a destination an older reader may ignore: unless we know it, all of its group is skipped.
        if (star && !KeptAfterStar(name))
        {
            cur.Destination = RtfDestination.Skip;
            return;
        }
        if (Destination(name)) return;
        bool on = !hasParameter || parameter != 0;
        switch (name)
        {
            case "ansi":
                documentCodePage = RtfCodePages.Windows1252;
                break;
            case "mac":
                documentCodePage = 10000;
                break;
            case "pc":
                documentCodePage = 437;
                break;
            case "pca":
                documentCodePage = 850;
                break;
            case "ansicpg" when parameter > 0:
                documentCodePage = parameter;
                break;
            case "deff":
                defaultFont = parameter;
                break;
            case "f" when cur.Destination == RtfDestination.FontTable:
                definingFont = parameter;
                break;
            case "f":
                cur.Font = parameter;
                break;
            case "fcharset" when cur.Destination == RtfDestination.FontTable && definingFont >= 0:
                SetFontCodePage(RtfCodePages.FromCharset(parameter));
                break;
            case "cpg" when cur.Destination == RtfDestination.FontTable && definingFont >= 0 && parameter > 0:
                SetFontCodePage(parameter);
                break;
            case "uc":
                cur.FallbackLength = Math.Clamp(parameter, 0, 16);
                break;
            case "u":
                // A signed 16-bit value: \u-3913 is U+F0B7. Surrogate halves arrive as two \u words, in order.
                Emit((char)(ushort)(short)parameter);
                fallbackToSkip = cur.FallbackLength;
                break;
            case "par" or "sect" or "page" or "column" or "line" or "softline":
                Break();
                break;
            case "tab":
                Emit(cur.InTable ? ' ' : '\t');
                break;
            case "cell" or "nestcell":
                EndCell();
                break;
            case "row" or "nestrow":
                EndRow();
                break;
            case "intbl":
                cur.InTable = on;
                break;
            case "itap":
                cur.InTable = parameter > 0;
                break;
            case "pard":
                cur.InTable = false;
                break;
            case "plain":
                cur.Hidden = false;
                cur.Deleted = false;
                break;
            case "v":
                cur.Hidden = on;
                break;
            case "deleted":
                cur.Deleted = on;
                break;
            case "ftnalt" when cur.Destination == RtfDestination.Footnote:
                cur.Destination = RtfDestination.Endnote;
                break;
            case "emdash":
                Emit('\u2014');
                break;
            case "endash":
                Emit('\u2013');
                break;
            case "bullet":
                Emit('\u2022');
                break;
            case "lquote":
                Emit('\u2018');
                break;
            case "rquote":
                Emit('\u2019');
                break;
            case "ldblquote":
                Emit('\u201C');
                break;
            case "rdblquote":
                Emit('\u201D');
                break;
            case "emspace" or "enspace" or "qmspace":
                Emit(' ');
                break;
        }
    }

    /// <summary>Handles a destination word; false for any other word.</summary>
    private bool Destination(ReadOnlySpan<char> name)
    {
        switch (name)
        {
            case "fonttbl":
                cur.Destination = RtfDestination.FontTable;
                return true;
            case "colortbl" or "stylesheet" or "listtable" or "listoverridetable" or "revtbl" or "rsidtbl" or "generator"
                or "pict" or "objdata" or "objclass" or "objname" or "themedata" or "colorschememapping" or "datastore"
                or "xmlnstbl" or "latentstyles" or "fldinst" or "filetbl" or "pntxta" or "pntxtb" or "private" or "sp"
                or "shprslt" or "nonshppict" or "shppict" or "bkmkstart" or "bkmkend" or "xe" or "tc" or "txe" or "rxe"
                or "ftnsep" or "ftnsepc" or "aftnsep" or "aftnsepc" or "ftncn" or "aftncn" or "atnid" or "atnauthor"
                or "atndate" or "atnref" or "atnicn" or "atrfstart" or "atrfend" or "pgdsctbl" or "mmathPr" or "background"
                or "listpicture" or "docvar" or "template" or "panose" or "falt" or "fname" or "htmltag" or "mhtmltag"
                or "passwordhash" or "protusertbl" or "wgrffmtfilter" or "fchars" or "lchars" or "xform" or "bliptag"
                or "blipuid" or "formfield" or "datafield" or "password" or "ebcstart" or "ebcend" or "oldcprops"
                or "oldpprops" or "oldtprops" or "oldsprops":
                cur.Destination = RtfDestination.Skip;
                return true;
            case "info" or "userprops":
                cur.Destination = RtfDestination.Info;
                return true;
            case "header" or "headerl" or "headerr" or "headerf":
                cur.Destination = RtfDestination.Header;
                return true;
            case "footer" or "footerl" or "footerr" or "footerf":
                cur.Destination = RtfDestination.Footer;
                return true;
            case "footnote":
                cur.Destination = RtfDestination.Footnote;
                return true;
            case "annotation":
                cur.Destination = RtfDestination.Comment;
                return true;
            case "shptxt" or "dptxbx":
                // A text box nested in a header or note stays with that text; one in the body is its own segment.
                if (cur.Destination == RtfDestination.Body) cur.Destination = RtfDestination.TextBox;
                return true;
            case "propname" when cur.Destination == RtfDestination.Info:
                propertyName.Clear();
                cur.Destination = RtfDestination.PropertyName;
                return true;
            case "staticval" when cur.Destination == RtfDestination.Info:
                return StartField(propertyName.ToString().Trim());
            case "title" when cur.Destination == RtfDestination.Info:
                return StartField("Titel");
            case "subject" when cur.Destination == RtfDestination.Info:
                return StartField("Ämne");
            case "keywords" when cur.Destination == RtfDestination.Info:
                return StartField("Nyckelord");
            case "doccomm" when cur.Destination == RtfDestination.Info:
                return StartField("Beskrivning");
            case "category" when cur.Destination == RtfDestination.Info:
                return StartField("Kategori");
            default:
                return false;
        }
    }

    /// <summary>Starred destinations that hold text worth reading; every other <c>\*\word</c> group is skipped.</summary>
    private static bool KeptAfterStar(ReadOnlySpan<char> name) => name is
        "annotation" or "footnote" or "shpinst" or "shptxt" or "userprops" or "upr" or "ud" or "fldrslt" or "header" or "footer"
        or "headerl" or "headerr" or "headerf" or "footerl" or "footerr" or "footerf";

    private bool StartField(string label)
    {
        fieldLabel = label;
        field.Clear();
        cur.Destination = RtfDestination.MetadataField;
        return true;
    }

    private void SetFontCodePage(int? codePage)
    {
        if (fontCodePages.Count < MaxFonts || fontCodePages.ContainsKey(definingFont)) fontCodePages[definingFont] = codePage;
    }

    private void ControlSymbol(byte symbol)
    {
        bool star = symbol == (byte)'*';
        cur.Star = star;
        if (star) return;
        switch (symbol)
        {
            case (byte)'\\' or (byte)'{' or (byte)'}':
                Emit((char)symbol);
                break;
            case (byte)'~':
                Emit(' ');
                break;
            case (byte)'_':
                Emit('-');
                break;
            case (byte)'\t':
                Emit('\t');
                break;
            case (byte)'\n':
                Break();
                break;
        }
    }

    /// <summary>The builder text of the current state goes to; null for destinations without text.</summary>
    private StringBuilder? Target()
    {
        var destination = cur.Destination;
        if (cur.Hidden && destination is RtfDestination.Body) return hidden;
        if (cur.Deleted && destination is not (RtfDestination.MetadataField or RtfDestination.PropertyName or RtfDestination.Info
                or RtfDestination.FontTable or RtfDestination.Skip))
            return deleted;
        switch (destination)
        {
            case RtfDestination.Body:
                if (cur.InTable != bodyIsTable) SwitchBody(cur.InTable);
                return body;
            case RtfDestination.MetadataField:
                return field.Length < MaxFieldChars ? field : null;
            case RtfDestination.PropertyName:
                return propertyName.Length < MaxFieldChars ? propertyName : null;
            case RtfDestination.Info or RtfDestination.FontTable or RtfDestination.Skip:
                return null;
            default:
                return Builder(destination);
        }
    }

    private StringBuilder Builder(RtfDestination destination) => destination switch
    {
        RtfDestination.Header => header,
        RtfDestination.Footer => footer,
        RtfDestination.Footnote => footnote,
        RtfDestination.Endnote => endnote,
        RtfDestination.Comment => comment,
        RtfDestination.TextBox => textBox,
        _ => body,
    };

    /// <summary>Paragraphs in a table and out of it alternate: each run of table rows becomes one Table segment.</summary>
    private void SwitchBody(bool toTable)
    {
        FlushBody();
        bodyIsTable = toTable;
        if (toTable) tables++;
    }

    private void FlushBody()
    {
        if (bodyIsTable && string.IsNullOrWhiteSpace(body.ToString()))
        {
            // Table markup without any text (an empty layout grid) is not worth a number of its own.
            body.Clear();
            if (tables > 0) tables--;
            return;
        }
        if (bodyIsTable) collector.Flush(SegmentKind.Table, WordLocations.Table(tables), body);
        else collector.Flush(SegmentKind.Body, WordLocations.Body, body);
    }

    private void Emit(char ch)
    {
        Target()?.Append(ch);
    }

    private void Break()
    {
        var sb = Target();
        if (sb is null) return;
        if (cur.InTable)
        {
            // Paragraphs of one cell stay on the cell's line, so cells stay columns.
            if (sb.Length > 0 && !char.IsWhiteSpace(sb[^1])) sb.Append(' ');
            return;
        }
        sb.Append('\n');
        if (sb == body && body.Length > FlushChars) FlushBody();
    }

    private void EndCell()
    {
        var sb = Target();
        if (sb is null) return;
        while (sb.Length > 0 && sb[^1] == ' ') sb.Length--;
        sb.Append('\t');
    }

    private void EndRow()
    {
        var sb = Target();
        if (sb is null) return;
        while (sb.Length > 0 && sb[^1] is ' ' or '\t') sb.Length--;
        sb.Append('\n');
        if (sb == body && body.Length > FlushChars) collector.Flush(SegmentKind.Table, WordLocations.Table(tables), body);
    }

    /// <summary>Literal bytes and <c>\'hh</c>: decoded in the current font's code page; control bytes other than tab dropped.</summary>
    private void Bytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty) return;
        var sb = Target();
        if (sb is null) return;
        int codePage = CurrentCodePage();
        if (codePage != decoderCodePage || decoder is null)
        {
            FlushBytes();
            var encoding = RtfCodePages.Get(codePage);
            decoder = encoding.GetDecoder();
            decoderCodePage = codePage;
            // Some code pages turn one byte into more than one char (fallbacks, combining forms): room for the worst case.
            int room = encoding.GetMaxCharCount(DecodeChunk);
            if (chars.Length < room) chars = new char[room];
        }
        while (!bytes.IsEmpty)
        {
            var chunk = bytes[..Math.Min(bytes.Length, DecodeChunk)];
            bytes = bytes[chunk.Length..];
            int n = decoder.GetChars(chunk, chars, flush: false);
            decoderPending = true;
            Append(sb, chars.AsSpan(0, n));
            if (!bytes.IsEmpty) CheckRoom();
        }
    }

    private static void Append(StringBuilder sb, ReadOnlySpan<char> text)
    {
        foreach (var ch in text)
        {
            if (ch >= ' ' || ch == '\t') sb.Append(ch);
        }
    }

    /// <summary>Ends a pending multi-byte sequence before anything else is read (a lone lead byte becomes nothing or '?').</summary>
    private void FlushBytes()
    {
        if (!decoderPending || decoder is null) return;
        decoderPending = false;
        int n = decoder.GetChars([], chars, flush: true);
        if (n > 0 && Target() is { } sb) Append(sb, chars.AsSpan(0, n));
    }

    private int CurrentCodePage()
    {
        // \info fields are written in the document's code page, whatever font the body starts with.
        if (cur.Destination is RtfDestination.MetadataField or RtfDestination.PropertyName) return documentCodePage;
        int font = cur.Font >= 0 ? cur.Font : defaultFont;
        return fontCodePages.TryGetValue(font, out var codePage) && codePage is { } cp ? cp : documentCodePage;
    }

    /// <summary>Text held in the builders counts against the limit before it is added, so none of them grows past it.</summary>
    private void CheckRoom()
    {
        long pending = (long)body.Length + header.Length + footer.Length + footnote.Length + endnote.Length + comment.Length
            + textBox.Length + deleted.Length + hidden.Length + metadata.Length;
        if (collector.TotalChars + pending <= collector.Limits.MaxExtractedChars) return;
        // Over the limit: what fits is kept (the collector cuts the segment that crosses it) and extraction stops.
        FlushAll();
        collector.StopAtLimit();
    }

    private void FlushAll()
    {
        FlushBody();
        collector.Flush(SegmentKind.Header, WordLocations.Header, header);
        collector.Flush(SegmentKind.Footer, WordLocations.Footer, footer);
        collector.Flush(SegmentKind.Footnote, WordLocations.Footnote, footnote);
        collector.Flush(SegmentKind.Endnote, WordLocations.Endnote, endnote);
        collector.Flush(SegmentKind.Comment, WordLocations.Comment, comment);
        collector.Flush(SegmentKind.TextBox, WordLocations.TextBox(++textBoxes), textBox);
        collector.Flush(SegmentKind.Body, $"{WordLocations.Body} (borttagen text)", deleted);
        collector.Flush(SegmentKind.Body, $"{WordLocations.Body} (dold text)", hidden);
        collector.Flush(SegmentKind.Metadata, WordLocations.Properties, metadata);
    }

    private void Finish()
    {
        FlushBytes();
        // A truncated file ends inside its groups: what was read is the text, the open groups are closed here.
        while (depth > 0) Pop();
        FlushAll();
    }

    /// <summary>The formatting state one group inherits and restores (RTF 1.9.1: "{" saves, "}" restores).</summary>
    private struct State
    {
        public RtfDestination Destination;
        public bool Hidden;
        public bool Deleted;
        public bool InTable;

        /// <summary>The last token was <c>\*</c>: the next control word names an ignorable destination.</summary>
        public bool Star;

        /// <summary>This group is a <c>\upr</c>: its child groups are alternatives.</summary>
        public bool Upr;

        /// <summary>A child of <c>\upr</c>, skipped unless it turns out to be the <c>\ud</c> (Unicode) one.</summary>
        public bool UprAlternative;

        public int Font;
        public int FallbackLength;

        public static State Initial => new() { Destination = RtfDestination.Body, Font = -1, FallbackLength = 1 };
    }
}
