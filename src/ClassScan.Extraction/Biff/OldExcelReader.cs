using System.Buffers.Binary;
using System.Text;
using ClassScan.Core.Documents;
using ClassScan.Extraction.Internal;
using ClassScan.Extraction.OpenXml;

namespace ClassScan.Extraction.Biff;

/// <summary>
/// Reads Excel files that are a bare BIFF record stream rather than a compound file: Excel 2.x, 3.0 and 4.0
/// worksheets (BIFF2-4, 1987-1992), Excel 4.0 workbooks (BIFF4W: sheets behind BUNDLEHEADER records), and the odd
/// BIFF5/8 worksheet stream written without its OLE2 container. A BIFF5/8 workbook stream goes to
/// <see cref="XlsWorkbookReader"/>. Cells are read in record order: labels, numbers shown in their number format,
/// integers, booleans and errors, formula results with their STRING, print header and footer, and cell notes; the
/// output has the shape of the other workbook readers. Record layouts follow the OpenOffice.org "Microsoft Excel
/// File Format" description of BIFF2-BIFF4. Bounded like the BIFF8 reader: every record lies inside the file and
/// reading stops at a record that claims more bytes than are left.
/// </summary>
internal sealed class OldExcelReader
{
    private const ushort Eof = 0x000A;

    private readonly byte[] data;
    private readonly SegmentCollector collector;
    private readonly BiffNumberFormats formats = new();
    private readonly List<string> formatCodesInOrder = []; // BIFF2-3 FORMAT records carry no index: their order is it
    private Encoding codePage = Text.TextDecoding.Windows1252;
    private int records;

    private OldExcelReader(byte[] data, SegmentCollector collector)
    {
        this.data = data;
        this.collector = collector;
    }

    /// <summary>
    /// True when <paramref name="head"/> opens with a BIFF BOF record (BIFF2 0x0009, BIFF3 0x0209, BIFF4 0x0409,
    /// BIFF5/8 0x0809) of a plausible length whose sheet type is a workbook, worksheet, chart or macro sheet.
    /// </summary>
    public static bool IsBiffStream(ReadOnlySpan<byte> head)
    {
        if (head.Length < 8) return false;
        ushort type = BinaryPrimitives.ReadUInt16LittleEndian(head);
        ushort length = BinaryPrimitives.ReadUInt16LittleEndian(head[2..]);
        ushort sheetType = BinaryPrimitives.ReadUInt16LittleEndian(head[6..]);
        return type is 0x0009 or 0x0209 or 0x0409 or 0x0809
            && length is >= 4 and <= 20
            && sheetType is 0x0005 or 0x0006 or 0x0010 or 0x0020 or 0x0040 or 0x0100;
    }

    public static void Read(byte[] stream, SegmentCollector collector)
    {
        if (!IsBiffStream(stream)) throw ExtractionStop.Corrupt("legacy Excel file does not start with a BOF record");
        ushort bof = BinaryPrimitives.ReadUInt16LittleEndian(stream);
        ushort sheetType = BinaryPrimitives.ReadUInt16LittleEndian(stream.AsSpan(6));
        if (bof == 0x0809 && sheetType == 0x0005)
        {
            XlsWorkbookReader.Read(stream, collector); // workbook globals and sheets, only without the container
            return;
        }
        new OldExcelReader(stream, collector).Read(version: bof >> 8, workbook: sheetType == 0x0100);
    }

    private void Read(int version, bool workbook)
    {
        TryRecord(0, out var bof);
        if (!workbook)
        {
            ReadSheet(bof.Next, "blad '1'", version);
            return;
        }
        // BIFF4W: the workbook's globals, then per sheet a BUNDLEHEADER (its name) and its BOF ... EOF; EOF ends it.
        int pos = bof.Next;
        string? nextName = null;
        int sheets = 0;
        while (TryRecord(pos, out var r) && r.Type != Eof)
        {
            pos = r.Next;
            Tick();
            switch (r.Type)
            {
                case 0x0009 or 0x0209 or 0x0409 or 0x0809:
                    var name = nextName ?? (sheets + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    nextName = null;
                    sheets++;
                    var location = $"blad '{name}'";
                    collector.Add(SegmentKind.SheetName, location, name);
                    pos = ReadSheet(r.Next, location, Math.Max(version, r.Type >> 8));
                    break;
                case 0x008F when r.Length >= 5: // BUNDLEHEADER: offset of the sheet, then its name
                    nextName = ByteString(r.Start + 4, r.End, wideLength: false);
                    break;
                case 0x0042 when r.Length >= 2: // CODEPAGE
                    codePage = XlsWorkbookReader.CodePage(UInt16(r.Start));
                    break;
            }
        }
        if (sheets == 0) collector.Note("arbetsboken innehåller inga blad");
    }

    /// <summary>One worksheet from the record after its BOF to its EOF; returns where the next record starts.</summary>
    private int ReadSheet(int pos, string location, int version)
    {
        var cells = new BiffSheetText(collector, location);
        var headers = new StringBuilder();
        var footers = new StringBuilder();
        var notes = new StringBuilder();
        (int Row, bool WideLength)? pendingString = null;
        bool complete = false;
        while (TryRecord(pos, out var r))
        {
            pos = r.Next;
            Tick();
            if (r.Type == Eof)
            {
                complete = true;
                break;
            }
            var pending = pendingString;
            pendingString = null;
            int row = r.Length >= 2 ? UInt16(r.Start) : 0;
            switch (r.Type)
            {
                case 0x0042 when r.Length >= 2: // CODEPAGE
                    codePage = XlsWorkbookReader.CodePage(UInt16(r.Start));
                    break;
                case 0x0022 when r.Length >= 2: // DATEMODE
                    formats.Date1904 = UInt16(r.Start) == 1;
                    break;
                case 0x001E when r.Length >= 1: // FORMAT (BIFF2-3): its index is its position
                    var code = ByteString(r.Start, r.End, wideLength: false);
                    formats.AddFormat(formatCodesInOrder.Count, code);
                    formatCodesInOrder.Add(code);
                    break;
                case 0x041E when r.Length >= 3: // FORMAT (BIFF4-5): index, then the code
                    formats.AddFormat(UInt16(r.Start), ByteString(r.Start + 2, r.End, wideLength: false));
                    break;
                case 0x0243 or 0x0443 when r.Length >= 2: // XF (BIFF3, BIFF4): font, then the number format
                    formats.AddStyle(data[r.Start + 1]);
                    break;
                case 0x0002 when r.Length >= 9: // INTEGER (BIFF2)
                    cells.AddCell(row, DisplayBiff2(UInt16(r.Start + 7), r.Start + 4));
                    break;
                case 0x0003 when r.Length >= 15: // NUMBER (BIFF2)
                    cells.AddCell(row, DisplayBiff2(BinaryPrimitives.ReadDoubleLittleEndian(data.AsSpan(r.Start + 7)), r.Start + 4));
                    break;
                case 0x0004 when r.Length >= 8: // LABEL (BIFF2): 8-bit length
                    cells.AddCell(row, ByteString(r.Start + 7, r.End, wideLength: false));
                    break;
                case 0x0005 when r.Length >= 9: // BOOLERR (BIFF2)
                    cells.AddCell(row, BoolErr(data[r.Start + 7], data[r.Start + 8]));
                    break;
                case 0x0006 when r.Length >= 15: // FORMULA (BIFF2): the cached result
                    pendingString = FormulaResult(cells, row, r.Start + 7, biff2Attributes: r.Start + 4) ? (row, false) : null;
                    break;
                case 0x0007 when pending is { WideLength: false } cell: // STRING (BIFF2)
                    cells.AddCell(cell.Row, ByteString(r.Start, r.End, wideLength: false));
                    break;
                case 0x0203 when r.Length >= 14: // NUMBER
                    cells.AddCell(row, formats.Display(BinaryPrimitives.ReadDoubleLittleEndian(data.AsSpan(r.Start + 6)), UInt16(r.Start + 4)));
                    break;
                case 0x0204 or 0x00D6 when r.Length >= 8: // LABEL, RSTRING: 16-bit length
                    cells.AddCell(row, Label(r, version));
                    break;
                case 0x0205 when r.Length >= 8: // BOOLERR
                    cells.AddCell(row, BoolErr(data[r.Start + 6], data[r.Start + 7]));
                    break;
                case 0x0206 or 0x0406 when r.Length >= 14: // FORMULA (BIFF3, BIFF4)
                    pendingString = FormulaResult(cells, row, r.Start + 6, biff2Attributes: -1, xf: UInt16(r.Start + 4)) ? (row, true) : null;
                    break;
                case 0x0207 when pending is { WideLength: true } cell: // STRING (BIFF3-4)
                    cells.AddCell(cell.Row, ByteString(r.Start, r.End, wideLength: true));
                    break;
                case 0x0221 or 0x0036 or 0x04BC: // ARRAY, TABLE, SHRFMLA: may stand between FORMULA and STRING
                    pendingString = pending;
                    break;
                case 0x027E when r.Length >= 10: // RK
                    cells.AddCell(row, formats.Display(BiffNumberFormats.DecodeRk(BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(r.Start + 6))), UInt16(r.Start + 4)));
                    break;
                case 0x0014 when r.Length > 0: // HEADER
                    headers.Append(ExcelHeaderFooter.StripCodes(ByteString(r.Start, r.End, wideLength: false))).Append('\n');
                    collector.EnsureRoom(headers, SegmentKind.Header, $"{location} sidhuvud");
                    break;
                case 0x0015 when r.Length > 0: // FOOTER
                    footers.Append(ExcelHeaderFooter.StripCodes(ByteString(r.Start, r.End, wideLength: false))).Append('\n');
                    collector.EnsureRoom(footers, SegmentKind.Footer, $"{location} sidfot");
                    break;
                case 0x001C when r.Length >= 6: // NOTE (BIFF2-5): row, column, length, text; row 0xFFFF continues one
                    if (row != 0xFFFF && notes.Length > 0) notes.Append('\n');
                    int length = UInt16(r.Start + 4);
                    notes.Append(codePage.GetString(data, r.Start + 6, Math.Min(length, r.Length - 6)));
                    collector.EnsureRoom(notes, SegmentKind.Comment, $"{location} kommentar");
                    break;
            }
        }
        if (!complete) collector.Note($"{location}: bladet är avkortat");
        cells.Finish(headers, footers, notes);
        return pos;
    }

    /// <summary>
    /// A formula's cached result (8 bytes at <paramref name="at"/>): a number, or a marker for a string that follows
    /// in a STRING record (returns true), a boolean or an error.
    /// </summary>
    private bool FormulaResult(BiffSheetText cells, int row, int at, int biff2Attributes, int xf = 0)
    {
        if (UInt16(at + 6) != 0xFFFF)
        {
            double value = BinaryPrimitives.ReadDoubleLittleEndian(data.AsSpan(at));
            cells.AddCell(row, biff2Attributes >= 0 ? DisplayBiff2(value, biff2Attributes) : formats.Display(value, xf));
            return false;
        }
        switch (data[at])
        {
            case 0: return true;
            case 1: cells.AddCell(row, data[at + 2] != 0 ? "TRUE" : "FALSE"); break;
            case 2: cells.AddCell(row, BiffNumberFormats.ErrorText(data[at + 2])); break;
        }
        return false;
    }

    /// <summary>A BIFF2 cell shows its number in the format whose index is in its second attribute byte.</summary>
    private string DisplayBiff2(double value, int attributes)
    {
        int formatIndex = data[attributes + 1] & 0x3F;
        string? code = formatIndex < formatCodesInOrder.Count ? formatCodesInOrder[formatIndex] : null;
        return ExcelDisplayFormat.Format(value, code, formats.Date1904);
    }

    private static string BoolErr(byte value, byte isError) =>
        isError == 0 ? (value != 0 ? "TRUE" : "FALSE") : BiffNumberFormats.ErrorText(value);

    /// <summary>
    /// LABEL text: BIFF3-5 write a 16-bit length and code-page bytes; a BIFF8 worksheet stream adds an option byte
    /// (bit 0: UTF-16). A stream whose BOF does not say which is told by the record length.
    /// </summary>
    private string Label(BiffRecord r, int version)
    {
        int cch = UInt16(r.Start + 6);
        int at = r.Start + 8;
        bool unicodeForm = version >= 8 && r.Length >= 9
            && (r.Length == 9 + cch || r.Length == 9 + (2 * cch)) && r.Length != 8 + cch;
        if (!unicodeForm) return codePage.GetString(data, at, Math.Clamp(r.End - at, 0, cch));
        bool wide = (data[at] & 0x01) != 0;
        at++;
        int bytes = Math.Clamp(r.End - at, 0, wide ? 2 * cch : cch);
        return wide ? Encoding.Unicode.GetString(data, at, bytes & ~1) : Encoding.Latin1.GetString(data, at, bytes);
    }

    /// <summary>A length-prefixed code-page string inside [<paramref name="at"/>, <paramref name="end"/>).</summary>
    private string ByteString(int at, int end, bool wideLength)
    {
        int prefix = wideLength ? 2 : 1;
        if (at + prefix > end) return "";
        int cch = wideLength ? UInt16(at) : data[at];
        return codePage.GetString(data, at + prefix, Math.Clamp(end - at - prefix, 0, cch));
    }

    private bool TryRecord(int pos, out BiffRecord record) => BiffRecord.TryRead(data, pos, out record);

    private void Tick()
    {
        if ((++records & 4095) == 0) collector.Token.ThrowIfCancellationRequested();
    }

    private ushort UInt16(int offset) => BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(offset, 2));
}
