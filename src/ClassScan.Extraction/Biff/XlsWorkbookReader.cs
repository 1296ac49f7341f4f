using System.Buffers.Binary;
using System.Text;
using ClassScan.Core.Documents;
using ClassScan.Extraction.Internal;
using ClassScan.Extraction.OpenXml;

namespace ClassScan.Extraction.Biff;

/// <summary>
/// Reads the text of a legacy Excel workbook stream: BIFF8 (Excel 97-2003, the "Workbook" stream) and BIFF5/7
/// (Excel 5/95, "Book"), after [MS-XLS]. The globals give the shared strings (SST with its CONTINUE records),
/// number formats (FORMAT, XF), the date system and the sheets (BOUNDSHEET8: name and stream offset); each sheet
/// then gives its cells in record order (LABELSST, LABEL, RSTRING, NUMBER, RK, MULRK, BOOLERR, FORMULA with its
/// cached result and STRING), the print header and footer, and the text of cell comments and text boxes (TXO).
/// The output has the shape of <see cref="ExcelExtractor"/>'s, so a workbook reads the same as .xls and .xlsx.
/// Damage after the globals keeps what was read (with a note); a workbook that is not BIFF at all is corrupt.
/// </summary>
internal sealed class XlsWorkbookReader
{
    private const ushort Bof = 0x0809;
    private const ushort Eof = 0x000A;
    private const ushort Continue = 0x003C;

    private readonly byte[] data;
    private readonly SegmentCollector collector;
    private readonly BiffNumberFormats formats = new();
    private readonly List<string> sharedStrings = [];
    private readonly List<(string Name, long Offset, byte Type)> sheets = [];
    private bool biff8 = true;
    private Encoding codePage = Text.TextDecoding.Windows1252;
    private long bytesRead;
    private int records;

    private XlsWorkbookReader(byte[] data, SegmentCollector collector)
    {
        this.data = data;
        this.collector = collector;
    }

    public static void Read(byte[] workbook, SegmentCollector collector) => new XlsWorkbookReader(workbook, collector).Read();

    private void Read()
    {
        if (!TryRecord(0, out var bof) || bof.Type != Bof || bof.Length < 4)
            throw ExtractionStop.Corrupt("legacy Excel workbook stream does not start with a BOF record");
        ushort version = UInt16(bof.Start);
        biff8 = version >= 0x0600 || version == 0; // BIFF8 writes 0x0600; a few writers leave it 0
        if (version is > 0 and < 0x0500) throw ExtractionStop.Unsupported("Excel 2.x-4.0 workbook (BIFF2-4)");
        ReadGlobals(bof.Next);

        var seen = new HashSet<long>();
        foreach (var (name, offset, type) in sheets)
        {
            collector.Token.ThrowIfCancellationRequested();
            var location = $"blad '{name}'";
            collector.Add(SegmentKind.SheetName, location, name);
            if (type is 2 or 6) continue; // chart sheets and VB modules hold no cells
            if (!seen.Add(offset) || offset >= data.Length || !TryRecord((int)offset, out var sheetBof) || sheetBof.Type != Bof)
            {
                collector.Note($"{location}: bladets innehåll saknas i filen");
                continue;
            }
            ReadSheet(sheetBof.Next, location);
        }
    }

    private void ReadGlobals(int pos)
    {
        while (TryRecord(pos, out var r))
        {
            pos = r.Next;
            Tick(r);
            switch (r.Type)
            {
                case Eof:
                    return;
                case 0x002F: // FILEPASS: everything after it is encrypted
                    throw ExtractionStop.Encrypted("password-protected legacy Excel workbook (.xls)");
                case 0x0042 when r.Length >= 2: // CODEPAGE, for the byte strings of BIFF5
                    codePage = CodePage(UInt16(r.Start));
                    break;
                case 0x0022 when r.Length >= 2: // DATEMODE
                    formats.Date1904 = UInt16(r.Start) == 1;
                    break;
                case 0x041E when r.Length >= 3: // FORMAT
                    if (TryString(Part(r, 2), wideLength: biff8, out var code)) formats.AddFormat(UInt16(r.Start), code);
                    break;
                case 0x00E0 when r.Length >= 4: // XF: cell and style formats share one index
                    formats.AddStyle(UInt16(r.Start + 2));
                    break;
                case 0x0085 when r.Length >= 7: // BOUNDSHEET8
                    var name = ShortString(r.Start + 6, r.End);
                    sheets.Add((name.Length > 0 ? name : $"{sheets.Count + 1}", BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(r.Start)), data[r.Start + 5]));
                    break;
                case 0x00FC when biff8: // SST
                    pos = ReadSharedStrings(r);
                    break;
            }
        }
        // Cut off (or a record claiming more bytes than are left): with sheets found they are still read.
        if (sheets.Count == 0) throw ExtractionStop.Corrupt("legacy Excel workbook globals end before the sheet list");
        collector.Note("arbetsbokens inledning är avkortad");
    }

    private int ReadSharedStrings(BiffRecord sst)
    {
        var (parts, next) = WithContinues(sst);
        var reader = new XlsContinuedReader(data, parts);
        var sb = new StringBuilder();
        long chars = 0;
        try
        {
            reader.Skip(8); // cstTotal, cstUnique: counts the file claims, not trusted for any allocation
            while (!reader.AtEnd)
            {
                sb.Clear();
                ReadRichExtendedString(reader, sb);
                chars += sb.Length;
                sharedStrings.Add(sb.ToString());
                if ((sharedStrings.Count & 4095) == 0)
                {
                    collector.Token.ThrowIfCancellationRequested();
                    collector.EnsureRoom(chars); // a shared-string bomb fails before the sheets are read
                }
            }
        }
        catch (EndOfRecordException)
        {
            if (sb.Length > 0) sharedStrings.Add(sb.ToString());
            collector.Note("tabellen med delade texter är avkortad");
        }
        collector.EnsureRoom(chars);
        return next;
    }

    /// <summary>XLUnicodeRichExtendedString ([MS-XLS] 2.5.293): the characters; rich-text runs and phonetic blocks skipped.</summary>
    private static void ReadRichExtendedString(XlsContinuedReader reader, StringBuilder sb)
    {
        int cch = reader.ReadUInt16();
        byte flags = reader.ReadByte();
        int runs = (flags & 0x08) != 0 ? reader.ReadUInt16() : 0;
        long ext = (flags & 0x04) != 0 ? reader.ReadInt32() : 0;
        reader.ReadChars(cch, (flags & 0x01) != 0, sb);
        reader.Skip(4L * runs);
        reader.Skip(ext);
    }

    private void ReadSheet(int pos, string location)
    {
        var cells = new BiffSheetText(collector, location);
        var headers = new StringBuilder();
        var footers = new StringBuilder();
        var comments = new StringBuilder();
        var textBoxes = new StringBuilder();
        int depth = 1;
        ushort objectType = 0;
        (int Row, int Column)? pendingString = null;
        bool complete = false;
        while (TryRecord(pos, out var r))
        {
            pos = r.Next;
            Tick(r);
            if (r.Type == Bof)
            {
                depth++; // an embedded chart's substream: nothing read until its EOF
                continue;
            }
            if (r.Type == Eof && --depth == 0)
            {
                complete = true;
                break;
            }
            if (depth > 1) continue;
            var pending = pendingString;
            pendingString = null;
            switch (r.Type)
            {
                case 0x00FD when r.Length >= 10: // LABELSST
                    uint isst = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(r.Start + 6));
                    if (isst < sharedStrings.Count) cells.AddCell(UInt16(r.Start), sharedStrings[(int)isst]);
                    break;
                case 0x0204 or 0x00D6 when r.Length >= 8: // LABEL, RSTRING
                    if (TryString(Part(r, 6), wideLength: true, out var label)) cells.AddCell(UInt16(r.Start), label);
                    break;
                case 0x0203 when r.Length >= 14: // NUMBER
                    cells.AddCell(UInt16(r.Start), formats.Display(BinaryPrimitives.ReadDoubleLittleEndian(data.AsSpan(r.Start + 6)), UInt16(r.Start + 4)));
                    break;
                case 0x027E when r.Length >= 10: // RK
                    cells.AddCell(UInt16(r.Start), formats.Display(BiffNumberFormats.DecodeRk(BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(r.Start + 6))), UInt16(r.Start + 4)));
                    break;
                case 0x00BD when r.Length >= 12: // MULRK: row, first column, (XF, RK) pairs, last column
                    for (int at = r.Start + 4; at + 6 <= r.End - 2; at += 6)
                        cells.AddCell(UInt16(r.Start), formats.Display(BiffNumberFormats.DecodeRk(BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(at + 2))), UInt16(at)));
                    break;
                case 0x0205 when r.Length >= 8: // BOOLERR
                    cells.AddCell(UInt16(r.Start), data[r.Start + 7] == 0 ? (data[r.Start + 6] != 0 ? "TRUE" : "FALSE") : BiffNumberFormats.ErrorText(data[r.Start + 6]));
                    break;
                case 0x0006 when r.Length >= 14: // FORMULA: only the cached result
                    int row = UInt16(r.Start);
                    if (UInt16(r.Start + 12) != 0xFFFF)
                    {
                        cells.AddCell(row, formats.Display(BinaryPrimitives.ReadDoubleLittleEndian(data.AsSpan(r.Start + 6)), UInt16(r.Start + 4)));
                        break;
                    }
                    switch (data[r.Start + 6])
                    {
                        case 0: pendingString = (row, UInt16(r.Start + 2)); break; // the text follows in a STRING record
                        case 1: cells.AddCell(row, data[r.Start + 8] != 0 ? "TRUE" : "FALSE"); break;
                        case 2: cells.AddCell(row, BiffNumberFormats.ErrorText(data[r.Start + 8])); break;
                    }
                    break;
                case 0x0221 or 0x04BC or 0x0036: // ARRAY, SHRFMLA, TABLE: may stand between FORMULA and STRING
                    pendingString = pending;
                    break;
                case 0x0207 when pending is { } cell: // STRING
                    var (stringParts, afterString) = WithContinues(r);
                    pos = afterString;
                    if (TryString(stringParts, wideLength: true, out var result)) cells.AddCell(cell.Row, result);
                    break;
                case 0x0014 when r.Length > 0: // HEADER
                    AppendHeaderFooter(headers, r, SegmentKind.Header, $"{location} sidhuvud");
                    break;
                case 0x0015 when r.Length > 0: // FOOTER
                    AppendHeaderFooter(footers, r, SegmentKind.Footer, $"{location} sidfot");
                    break;
                case 0x005D when r.Length >= 6 && biff8: // OBJ: its FtCmo says what the following TXO belongs to
                    objectType = UInt16(r.Start) == 0x0015 ? UInt16(r.Start + 4) : (ushort)0;
                    break;
                case 0x01B6 when r.Length >= 12 && biff8: // TXO: the text of a comment (object type 0x19) or text box
                    var (txoParts, afterTxo) = WithContinues(r);
                    pos = afterTxo;
                    bool isComment = objectType == 0x19;
                    var kind = isComment ? SegmentKind.Comment : SegmentKind.TextBox;
                    var sb = isComment ? comments : textBoxes;
                    ReadTxo(txoParts, UInt16(r.Start + 10), sb);
                    collector.EnsureRoom(sb, kind, $"{location} {(isComment ? "kommentar" : "textruta")}");
                    break;
            }
        }
        if (!complete) collector.Note($"{location}: bladet är avkortat");
        cells.Finish(headers, footers, comments);
        collector.Flush(SegmentKind.TextBox, $"{location} textruta", textBoxes);
    }

    private void ReadTxo(IReadOnlyList<(int Start, int Length)> parts, int cch, StringBuilder sb)
    {
        if (cch == 0 || parts.Count < 2) return;
        var reader = new XlsContinuedReader(data, parts);
        reader.SkipToPartEnd(); // the characters start in the first CONTINUE, behind its option byte
        int before = sb.Length;
        try
        {
            reader.ReadChars(cch, highByte: false, sb);
        }
        catch (EndOfRecordException)
        {
            // keep the characters that were there
        }
        while (sb.Length > before && sb[^1] is '\n' or '\r') sb.Length--; // one object, one line break
        if (sb.Length > before) sb.Append('\n');
    }

    private void AppendHeaderFooter(StringBuilder sb, BiffRecord r, SegmentKind kind, string location)
    {
        string? text;
        if (biff8)
        {
            if (!TryString(Part(r, 0), wideLength: true, out text)) return;
        }
        else
        {
            text = ShortString(r.Start, r.End);
        }
        sb.Append(ExcelHeaderFooter.StripCodes(text)).Append('\n');
        collector.EnsureRoom(sb, kind, location);
    }

    /// <summary>
    /// A string of BIFF8 (XLUnicodeString: length, option byte, characters) or of BIFF5 (length, code-page bytes);
    /// the length is 16-bit, or 8-bit for <paramref name="wideLength"/> false (BIFF5 FORMAT).
    /// </summary>
    private bool TryString(IReadOnlyList<(int Start, int Length)> parts, bool wideLength, out string text)
    {
        var reader = new XlsContinuedReader(data, parts);
        var sb = new StringBuilder();
        try
        {
            int cch = wideLength ? reader.ReadUInt16() : reader.ReadByte();
            if (biff8)
            {
                reader.ReadChars(cch, (reader.ReadByte() & 0x01) != 0, sb);
            }
            else
            {
                var (start, length) = parts[0];
                int offset = start + (wideLength ? 2 : 1);
                sb.Append(codePage.GetString(data, offset, Math.Clamp(start + length - offset, 0, cch)));
            }
        }
        catch (EndOfRecordException)
        {
            // a string cut by the record's end: what was there
        }
        text = sb.ToString();
        return text.Length > 0;
    }

    /// <summary>ShortXLUnicodeString (BIFF8: 8-bit length, option byte, characters) or BIFF5's length + code-page bytes.</summary>
    private string ShortString(int at, int end)
    {
        if (at >= end) return "";
        int cch = data[at];
        if (!biff8) return codePage.GetString(data, at + 1, Math.Min(cch, end - at - 1));
        var sb = new StringBuilder();
        try
        {
            if (at + 1 >= end) return "";
            new XlsContinuedReader(data, [(at + 2, end - at - 2)]).ReadChars(cch, (data[at + 1] & 0x01) != 0, sb);
        }
        catch (EndOfRecordException)
        {
            // cut by the record's end
        }
        return sb.ToString();
    }

    private (List<(int Start, int Length)> Parts, int Next) WithContinues(BiffRecord first)
    {
        var parts = new List<(int, int)> { (first.Start, first.Length) };
        int pos = first.Next;
        while (TryRecord(pos, out var r) && r.Type == Continue)
        {
            Tick(r);
            parts.Add((r.Start, r.Length));
            pos = r.Next;
        }
        return (parts, pos);
    }

    private List<(int Start, int Length)> Part(BiffRecord r, int skip) => [(r.Start + skip, r.Length - skip)];

    private bool TryRecord(int pos, out BiffRecord record) => BiffRecord.TryRead(data, pos, out record);

    /// <summary>
    /// Counts what was read: cancellation is checked per 4,096 records, and sheets whose offsets overlap cannot make
    /// the reader go over the stream again and again (a crafted BOUNDSHEET list).
    /// </summary>
    private void Tick(BiffRecord r)
    {
        bytesRead += r.Length + 4;
        if ((++records & 4095) == 0) collector.Token.ThrowIfCancellationRequested();
        if (bytesRead > (4L * data.Length) + 65536) throw ExtractionStop.Corrupt("legacy Excel sheets overlap in the workbook stream");
    }

    private ushort UInt16(int offset) => BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(offset, 2));

    /// <summary>The encoding of a CODEPAGE record's value (BIFF byte strings).</summary>
    internal static Encoding CodePage(ushort cv) => cv switch
    {
        1200 => Encoding.Unicode,
        32768 => CodePagesEncodingProvider.Instance.GetEncoding(10000) ?? Encoding.Latin1, // Mac Roman
        32769 => Text.TextDecoding.Windows1252,
        367 => Encoding.ASCII,
        _ => CodePagesEncodingProvider.Instance.GetEncoding(cv) ?? Text.TextDecoding.Windows1252,
    };
}
