using System.Buffers.Binary;
using System.Text;
using ClassScan.Core.Documents;
using ClassScan.Extraction.Internal;
using ClassScan.Extraction.OpenXml;

namespace ClassScan.Extraction.Legacy;

/// <summary>
/// Reads the text of a Word 97-2003 binary document (.doc/.dot) per [MS-DOC]: the FIB names the table stream
/// and the character counts of each story (main text, footnotes, headers, comments, endnotes, text boxes,
/// header text boxes, in that CP order), the piece table in the Clx gives the characters, PlcfHdd splits the
/// header story into headers and footers, and the paragraph properties mark tables. Field instructions are
/// dropped and their results kept (a HYPERLINK shows its text, a DATE its date). Word 6/95 files (still found
/// in old archives) are read from their older FIB with 8-bit text, and Word for Windows 1.x/2.0 files (no compound
/// file: the FIB opens the file itself) by <see cref="ReadWord2"/>.
/// Locations follow <see cref="WordLocations"/> so a .doc and a .docx of the same text give the same evidence
/// positions. Tracked deletions and hidden text are read as ordinary text (over-reading is the safe side).
/// </summary>
internal static class DocReader
{
    // FibRgFcLcb97 pair indexes ([MS-DOC] 2.5.6).
    private const int PairPlcfHdd = 11;
    private const int PairPlcfBtePapx = 13;
    private const int PairClx = 33;
    private const int PairPlcftxbxTxt = 41;

    private const int MinWord6Fib = 101;
    private const int MinWord97Fib = 106; // Word 6 is 101-104, Word 95 104-105; Word 97 writes 193 (0xC1)
    private const int BodyFlushChars = 256 * 1024;

    /// <summary>
    /// Adds the document's segments to <paramref name="c"/>. <paramref name="openStream"/> gives the bytes of a
    /// sibling stream by name (the table stream), or null when there is none.
    /// </summary>
    public static void Read(byte[] word, Func<string, byte[]?> openStream, SegmentCollector c)
    {
        if (word.Length < 32) throw Corrupt("FIB truncated");
        ushort ident = BinaryPrimitives.ReadUInt16LittleEndian(word);
        int nFib = BinaryPrimitives.ReadUInt16LittleEndian(word.AsSpan(2));
        ushort flags = BinaryPrimitives.ReadUInt16LittleEndian(word.AsSpan(0x0A));
        if (ident is not (0xA5EC or 0xA5DC))
            throw ExtractionStop.Unsupported("WordDocument stream without a Word header (older Word or another program)");
        if (nFib < MinWord6Fib)
            throw ExtractionStop.Unsupported("Word 2 header inside a compound file (Word 1/2 files are not compound files; no Word writes this)");
        if (ident == 0xA5DC || nFib < MinWord97Fib)
        {
            ReadWord6(word, c);
            return;
        }

        var table = openStream((flags & 0x0200) != 0 ? "1Table" : "0Table")
            ?? throw Corrupt("table stream missing");
        var fib = Fib.Parse(word);
        var clx = fib.Slice(PairClx, table) ?? throw Corrupt("piece table outside the table stream");
        var pieces = DocPieceTable.Read(clx, word, eightBit: null, c.Token);
        var paragraphs = fib.Slice(PairPlcfBtePapx, table) is { } bte ? DocParagraphs.Read(bte, word) : DocParagraphs.None;
        ReadStories(fib, new StoryReader(pieces, paragraphs, c), pieces.Text.Length, fib.Slice(PairPlcfHdd, table), fib.Slice(PairPlcftxbxTxt, table));
    }

    /// <summary>
    /// True when <paramref name="head"/> opens a Word for Windows 1.x or 2.0 file: the FIB's wIdent (0xA59B, 0xA5DB)
    /// and an nFib of those versions (Word 1.x writes 33, Word 2.0 writes 45). These files are no compound file.
    /// </summary>
    public static bool IsWord2(ReadOnlySpan<byte> head) =>
        head.Length >= 4
        && BinaryPrimitives.ReadUInt16LittleEndian(head) is 0xA59B or 0xA5DB
        && BinaryPrimitives.ReadUInt16LittleEndian(head[2..]) is >= 25 and <= 50;

    /// <summary>
    /// Word for Windows 1.x/2.0: the whole file is the document stream. Its FIB keeps fcMin/fcMac at 0x18/0x1C and
    /// the story counts at 0x34 in the order Word 6 kept (text, footnotes, headers, macros, comments), with 8-bit
    /// text in the code page of the document's language. A fast-saved (complex) file keeps pieces out of order; its
    /// text is read from fcMin in file order instead, which may also show text the last save left behind (the file
    /// holds it, so it is read).
    /// </summary>
    public static void ReadWord2(byte[] file, SegmentCollector c)
    {
        if (!IsWord2(file) || file.Length < 0x48) throw Corrupt("Word 1/2 header truncated");
        ushort flags = BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(0x0A));
        if ((flags & 0x0100) != 0) throw ExtractionStop.Encrypted("password-protected Word 1/2 document (.doc)");
        var encoding = LegacyCodePage(BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(6)));
        uint fcMin = BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(0x18));
        uint fcMac = BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(0x1C));
        if (fcMin < 0x48 || fcMin > file.Length) throw Corrupt("Word 1/2 text outside the file");
        var fib = Fib.ParseWord2(file);
        long stories = Enumerable.Range(3, 5).Sum(fib.Ccp);
        long span = Math.Max(0, Math.Min(fcMac, file.Length) - fcMin);
        bool complex = (flags & 0x0004) != 0;
        if (complex) c.Note("snabbsparat Word 2-dokument: texten läst i filordning");
        if (complex || stories == 0)
        {
            // The story counts do not describe the text in file order: all of it is read as the body.
            var all = DocPieceTable.Single(file, fcMin, span, encoding);
            new StoryReader(all, DocParagraphs.None, c).ReadBody(0, all.Text.Length);
            return;
        }
        var pieces = DocPieceTable.Single(file, fcMin, Math.Min(stories, span), encoding);
        ReadStories(fib, new StoryReader(pieces, DocParagraphs.None, c), pieces.Text.Length, plcfHdd: null, plcftxbxTxt: null);
    }

    /// <summary>
    /// Word 6 and Word 95 ([MS-DOC] predecessor): the same story order and fc/lcb pairs (from 0x58), but all in the
    /// WordDocument stream, 8-bit text in the code page of the document's language, and a header story that
    /// lists only the headers a section has (so it is read as one header segment). Tables are not told apart.
    /// </summary>
    private static void ReadWord6(byte[] word, SegmentCollector c)
    {
        var fib = Fib.ParseWord6(word);
        var encoding = LegacyCodePage(BinaryPrimitives.ReadUInt16LittleEndian(word.AsSpan(6)));
        DocPieceTable pieces;
        if (fib.Slice(PairClx, word) is { } clx)
        {
            pieces = DocPieceTable.Read(clx, word, encoding, c.Token);
        }
        else
        {
            // A non-complex file: the text is one run from fcMin.
            uint fcMin = BinaryPrimitives.ReadUInt32LittleEndian(word.AsSpan(0x18));
            long total = Enumerable.Range(3, 8).Sum(fib.Ccp);
            pieces = DocPieceTable.Single(word, fcMin, total, encoding);
        }
        ReadStories(fib, new StoryReader(pieces, DocParagraphs.None, c), pieces.Text.Length, plcfHdd: null, plcftxbxTxt: null);
    }

    /// <summary>Stories follow each other in CP order; a count past the text is clamped, never trusted.</summary>
    private static void ReadStories(Fib fib, StoryReader reader, int textLength, byte[]? plcfHdd, byte[]? plcftxbxTxt)
    {
        var bounds = new (int Start, int End)[11];
        int cp = 0;
        for (int i = 3; i <= 10; i++)
        {
            int start = cp;
            cp = (int)Math.Min(textLength, cp + fib.Ccp(i));
            bounds[i] = (start, cp);
        }

        // 3 main, 4 footnotes, 5 headers, 6 macros (unused since Word 97), 7 comments, 8 endnotes, 9 text boxes, 10 header text boxes.
        reader.ReadBody(bounds[3].Start, bounds[3].End);
        reader.ReadHeaders(bounds[5].Start, bounds[5].End, plcfHdd);
        reader.ReadFlat(bounds[4].Start, bounds[4].End, SegmentKind.Footnote, WordLocations.Footnote);
        reader.ReadFlat(bounds[8].Start, bounds[8].End, SegmentKind.Endnote, WordLocations.Endnote);
        reader.ReadFlat(bounds[7].Start, bounds[7].End, SegmentKind.Comment, WordLocations.Comment);
        reader.ReadTextBoxes(bounds[9].Start, bounds[9].End, plcftxbxTxt);
        // A text box in a header is header content (a stamp drawn in a box is still a header marking).
        reader.ReadFlat(bounds[10].Start, bounds[10].End, SegmentKind.Header, WordLocations.Header);
    }

    /// <summary>The Windows code page of 8-bit Word 6/95 text, from the document's language id (LCID).</summary>
    private static Encoding LegacyCodePage(ushort lid)
    {
        int codePage = (lid & 0x3FF) switch
        {
            0x02 or 0x19 or 0x22 or 0x23 or 0x2F => 1251, // Bulgarian, Russian, Ukrainian, Belarusian, Macedonian
            0x1A when lid != 0x041A => 1251, // Serbian (Cyrillic); Croatian is Latin
            0x05 or 0x0E or 0x15 or 0x18 or 0x1A or 0x1B or 0x24 => 1250, // Czech, Hungarian, Polish, Romanian, Croatian, Slovak, Slovenian
            0x08 => 1253, // Greek
            0x1F => 1254, // Turkish
            0x25 or 0x26 or 0x27 => 1257, // Estonian, Latvian, Lithuanian
            _ => 1252,
        };
        return CodePagesEncodingProvider.Instance.GetEncoding(codePage) ?? Text.TextDecoding.Windows1252;
    }

    private static ExtractionStop Corrupt(string why) => ExtractionStop.Corrupt($"damaged Word document: {why}");

    /// <summary>The parts of the FIB after FibBase: FibRgLw97 (the CP counts) and FibRgFcLcb (fc/lcb pairs).</summary>
    private sealed class Fib
    {
        private readonly byte[] word;
        private readonly int lwOffset;
        private readonly int lwCount;
        private readonly int pairsOffset;
        private readonly int pairCount;

        private Fib(byte[] word, int lwOffset, int lwCount, int pairsOffset, int pairCount)
        {
            this.word = word;
            this.lwOffset = lwOffset;
            this.lwCount = lwCount;
            this.pairsOffset = pairsOffset;
            this.pairCount = pairCount;
        }

        public static Fib Parse(byte[] word)
        {
            int pos = 32;
            if (pos + 2 > word.Length) throw Corrupt("FIB truncated");
            int csw = BinaryPrimitives.ReadUInt16LittleEndian(word.AsSpan(pos));
            pos += 2 + (2 * csw);
            if (pos + 2 > word.Length) throw Corrupt("FIB truncated");
            int cslw = BinaryPrimitives.ReadUInt16LittleEndian(word.AsSpan(pos));
            int lwOffset = pos + 2;
            pos = lwOffset + (4 * cslw);
            if (pos + 2 > word.Length || cslw < 11) throw Corrupt("FIB truncated");
            int pairs = BinaryPrimitives.ReadUInt16LittleEndian(word.AsSpan(pos));
            int pairsOffset = pos + 2;
            if (pairsOffset + (8L * pairs) > word.Length || pairs <= PairClx) throw Corrupt("FIB truncated");
            return new Fib(word, lwOffset, cslw, pairsOffset, pairs);
        }

        /// <summary>
        /// The Word 6/95 FIB: ccpText ... ccpHdrTxbx at 0x34-0x50 (read as FibRgLw97 entries 3-10) and the
        /// fc/lcb pairs from 0x58 in Word 97's order up to fcClx (pair 33); later pairs differ and are not used.
        /// </summary>
        public static Fib ParseWord6(byte[] word)
        {
            const int PairsOffset = 0x58;
            if (PairsOffset + (8 * (PairClx + 1)) > word.Length) throw Corrupt("FIB truncated");
            return new Fib(word, 0x34 - 12, 11, PairsOffset, PairClx + 1);
        }

        /// <summary>
        /// The Word 1.x/2.0 FIB: ccpText, ccpFtn, ccpHdd, ccpMcr, ccpAtn at 0x34-0x44 (read as FibRgLw97 entries 3-7;
        /// later entries read as 0). Its fc/lcb pairs are in another order and not used.
        /// </summary>
        public static Fib ParseWord2(byte[] file)
        {
            if (0x48 > file.Length) throw Corrupt("FIB truncated");
            return new Fib(file, 0x34 - 12, 8, 0, 0);
        }

        /// <summary>FibRgLw97 entry <paramref name="index"/> (3 = ccpText ... 10 = ccpHdrTxbx); negative reads as 0.</summary>
        public long Ccp(int index) =>
            index < lwCount ? Math.Max(0, BinaryPrimitives.ReadInt32LittleEndian(word.AsSpan(lwOffset + (4 * index)))) : 0;

        /// <summary>The table-stream bytes of pair <paramref name="index"/>; null when absent or out of range.</summary>
        public byte[]? Slice(int index, byte[] table)
            => index >= pairCount ? null : SliceAt(index, table);

        private byte[]? SliceAt(int index, byte[] table)
        {
            uint fc = BinaryPrimitives.ReadUInt32LittleEndian(word.AsSpan(pairsOffset + (8 * index)));
            uint lcb = BinaryPrimitives.ReadUInt32LittleEndian(word.AsSpan(pairsOffset + (8 * index) + 4));
            if (lcb == 0 || (ulong)fc + lcb > (ulong)table.Length) return null;
            return table.AsSpan((int)fc, (int)lcb).ToArray();
        }
    }

    /// <summary>Turns CP ranges into segments: special characters, fields, tables.</summary>
    private sealed class StoryReader(DocPieceTable pieces, DocParagraphs paragraphs, SegmentCollector c)
    {
        private readonly string text = pieces.Text;
        private int tables;
        private int textBoxes;

        /// <summary>Main text: body paragraphs and tables as their own segments, in document order.</summary>
        public void ReadBody(int start, int end)
        {
            var body = new StringBuilder();
            var tableText = new StringBuilder();
            var fields = new FieldState();
            int paragraphStart = start;
            int count = 0;
            for (int cp = start; cp < end; cp++)
            {
                char ch = text[cp];
                if (ch is not ('\r' or '\a')) continue;
                var (inTable, rowEnd) = paragraphs.Lookup(pieces.StreamOffset(cp));
                if (!inTable && ch == '\a') inTable = true; // a cell mark without properties is still a cell
                if (inTable)
                {
                    if (body.Length > 0) c.Flush(SegmentKind.Body, WordLocations.Body, body);
                    if (tableText.Length == 0) tables++;
                    Append(tableText, paragraphStart, cp, fields, inTable: true);
                    if (ch == '\a' && rowEnd) EndRow(tableText);
                    else tableText.Append(ch == '\a' ? '\t' : ' ');
                }
                else
                {
                    if (tableText.Length > 0) c.Flush(SegmentKind.Table, WordLocations.Table(tables), tableText);
                    Append(body, paragraphStart, cp, fields, inTable: false);
                    body.Append('\n');
                    if (body.Length > BodyFlushChars) c.Flush(SegmentKind.Body, WordLocations.Body, body);
                }
                paragraphStart = cp + 1;
                if ((++count & 1023) == 0)
                {
                    c.Token.ThrowIfCancellationRequested();
                    c.EnsureRoom(body, SegmentKind.Body, WordLocations.Body);
                }
            }
            // A last paragraph without its mark (a damaged or cut file) still counts.
            if (paragraphStart < end) Append(tableText.Length > 0 ? tableText : body, paragraphStart, end, fields, inTable: tableText.Length > 0);
            c.Flush(SegmentKind.Table, WordLocations.Table(Math.Max(1, tables)), tableText);
            c.Flush(SegmentKind.Body, WordLocations.Body, body);
        }

        /// <summary>A whole story as one segment (footnotes, endnotes, comments).</summary>
        public void ReadFlat(int start, int end, SegmentKind kind, string location)
        {
            if (end <= start) return;
            var sb = new StringBuilder();
            Append(sb, start, end, new FieldState(), inTable: false);
            c.Add(kind, location, sb.ToString());
        }

        /// <summary>
        /// The header story: six separator stories, then per section even/odd/first headers and footers
        /// ([MS-DOC] 2.8.25 PlcfHdd). Without a usable PlcfHdd the whole story is one header segment.
        /// </summary>
        public void ReadHeaders(int start, int end, byte[]? plcfHdd)
        {
            if (end <= start) return;
            var cps = Cps(plcfHdd, 0, end - start);
            if (cps is null)
            {
                ReadFlat(start, end, SegmentKind.Header, WordLocations.Header);
                return;
            }
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (int story = 6; story + 1 < cps.Length; story++)
            {
                if (cps[story + 1] <= cps[story]) continue;
                var sb = new StringBuilder();
                Append(sb, start + cps[story], start + cps[story + 1], new FieldState(), inTable: false);
                var storyText = sb.ToString().Trim();
                if (storyText.Length == 0 || !seen.Add(storyText)) continue; // later sections repeat the first's
                bool footer = (story - 6) % 6 is 2 or 3 or 5;
                c.Add(footer ? SegmentKind.Footer : SegmentKind.Header, footer ? WordLocations.Footer : WordLocations.Header, storyText);
            }
        }

        /// <summary>The text-box story split per box by PlcftxbxTxt when it is usable.</summary>
        public void ReadTextBoxes(int start, int end, byte[]? plcftxbxTxt)
        {
            if (end <= start) return;
            var cps = Cps(plcftxbxTxt, 22, end - start);
            if (cps is null)
            {
                ReadFlat(start, end, SegmentKind.TextBox, WordLocations.TextBox(++textBoxes));
                return;
            }
            for (int i = 0; i + 1 < cps.Length; i++)
            {
                if (cps[i + 1] <= cps[i]) continue;
                ReadFlat(start + cps[i], start + cps[i + 1], SegmentKind.TextBox, WordLocations.TextBox(++textBoxes));
            }
        }

        /// <summary>The CPs of a PLC with <paramref name="dataSize"/>-byte entries, if all lie in [0, length].</summary>
        private static int[]? Cps(byte[]? plc, int dataSize, int length)
        {
            if (plc is null || plc.Length < 8 || (plc.Length - 4) % (4 + dataSize) != 0) return null;
            int n = (plc.Length - 4) / (4 + dataSize);
            var cps = new int[n + 1];
            for (int i = 0; i <= n; i++)
            {
                uint cp = BinaryPrimitives.ReadUInt32LittleEndian(plc.AsSpan(4 * i));
                // The last CPs may point past the story (its closing guard marks): clamped, not trusted.
                int clamped = (int)Math.Min(cp, (uint)length);
                if (i > 0 && clamped < cps[i - 1]) return null;
                cps[i] = clamped;
            }
            return cps;
        }

        private static void EndRow(StringBuilder sb)
        {
            while (sb.Length > 0 && sb[^1] is ' ' or '\t') sb.Length--;
            sb.Append('\n');
        }

        /// <summary>Appends the visible characters of [start, end): field instructions and object anchors dropped.</summary>
        private void Append(StringBuilder sb, int start, int end, FieldState fields, bool inTable)
        {
            for (int cp = start; cp < end; cp++)
            {
                char ch = text[cp];
                switch (ch)
                {
                    case '\u0013':
                        fields.Begin();
                        continue;
                    case '\u0014':
                        fields.Separate();
                        continue;
                    case '\u0015':
                        fields.End();
                        continue;
                }
                if (fields.InInstruction) continue;
                switch (ch)
                {
                    case '\r' or '\v' or '\f' or '\u000E':
                        sb.Append(inTable ? ' ' : '\n'); // paragraph, line, page/section and column breaks
                        break;
                    case '\a':
                        sb.Append('\t');
                        break;
                    case '\t':
                        sb.Append('\t');
                        break;
                    case '\u001E':
                        sb.Append('-'); // non-breaking hyphen
                        break;
                    case < ' ':
                        break; // pictures (0x01), drawn objects (0x08), note references (0x02), separators...
                    default:
                        sb.Append(ch);
                        break;
                }
            }
        }
    }

    /// <summary>
    /// Nested fields (0x13 instruction 0x14 result 0x15): a character is visible unless some enclosing field is
    /// still in its instruction. Depth is capped so a file of field starts cannot grow the stack.
    /// </summary>
    private sealed class FieldState
    {
        private const int MaxDepth = 64;
        private readonly Stack<bool> inInstruction = new();
        private int instructionLevels;

        public bool InInstruction => instructionLevels > 0;

        public void Begin()
        {
            if (inInstruction.Count >= MaxDepth) return;
            inInstruction.Push(true);
            instructionLevels++;
        }

        public void Separate()
        {
            if (inInstruction.Count == 0 || !inInstruction.Peek()) return;
            inInstruction.Pop();
            inInstruction.Push(false);
            instructionLevels--;
        }

        public void End()
        {
            if (inInstruction.Count == 0) return;
            if (inInstruction.Pop()) instructionLevels--;
        }
    }
}
