using System.Buffers.Binary;
using System.Text;
using ClassScan.TestSupport.Documents;

namespace ClassScan.Extraction.Tests.Excel;

/// <summary>
/// Builds BIFF8 workbook streams record by record ([MS-XLS]), for the cases LibreOffice does not write: a shared
/// string whose CONTINUE switches between one- and two-byte characters, text formulas with a STRING record,
/// booleans, crafted lengths and offsets. <see cref="Build"/> puts BOF/EOF and the BOUNDSHEET8 offsets in place.
/// </summary>
internal sealed class XlsBuilder
{
    private readonly List<byte[]> globals = [];
    private readonly List<(string Name, List<byte[]> Records)> sheets = [];

    public XlsBuilder Global(byte[] record)
    {
        globals.Add(record);
        return this;
    }

    public XlsBuilder Sheet(string name, params byte[][] records)
    {
        sheets.Add((name, [.. records]));
        return this;
    }

    /// <summary>The workbook stream alone (what <c>XlsWorkbookReader</c> reads).</summary>
    public byte[] Stream(ushort version = 0x0600)
    {
        var head = new List<byte[]> { Bof(version, 0x0005) };
        head.AddRange(globals);
        var sheetStreams = sheets.Select(s => Concat([Bof(version, 0x0010), .. s.Records, Record(0x000A)])).ToList();
        int boundSheetsLength = sheets.Sum(s => BoundSheet(0, s.Name).Length);
        long offset = head.Sum(r => r.Length) + boundSheetsLength + 4;
        var boundSheets = new List<byte[]>();
        foreach (var (s, i) in sheets.Select((s, i) => (s, i)))
        {
            boundSheets.Add(BoundSheet((uint)offset, s.Name));
            offset += sheetStreams[i].Length;
        }
        return Concat([.. head, .. boundSheets, Record(0x000A), .. sheetStreams]);
    }

    /// <summary>The workbook in a compound file, as a .xls is stored.</summary>
    public byte[] Build(ushort version = 0x0600) => CompoundFileWriter.Create((version >= 0x0600 ? "Workbook" : "Book", Stream(version)));

    public static byte[] Record(ushort type, params byte[][] parts)
    {
        var body = Concat(parts);
        var r = new byte[4 + body.Length];
        BinaryPrimitives.WriteUInt16LittleEndian(r, type);
        BinaryPrimitives.WriteUInt16LittleEndian(r.AsSpan(2), (ushort)body.Length);
        body.CopyTo(r, 4);
        return r;
    }

    public static byte[] Bof(ushort version, ushort type) => Record(0x0809, U16(version), U16(type), new byte[12]);

    public static byte[] BoundSheet(uint offset, string name) => Record(0x0085, U32(offset), [0, 0, (byte)name.Length, 1], Encoding.Unicode.GetBytes(name));

    /// <summary>A one-record SST of unformatted strings (one byte per character when they allow it).</summary>
    public static byte[] Sst(params string[] strings) =>
        Record(0x00FC, [U32((uint)strings.Length), U32((uint)strings.Length), .. strings.Select(UnicodeString)]);

    /// <summary>XLUnicodeString: 16-bit count, option byte, characters.</summary>
    public static byte[] UnicodeString(string s)
    {
        bool wide = s.Any(c => c > 0xFF);
        return Concat(U16((ushort)s.Length), [(byte)(wide ? 1 : 0)], wide ? Encoding.Unicode.GetBytes(s) : Encoding.Latin1.GetBytes(s));
    }

    public static byte[] LabelSst(ushort row, ushort col, uint isst, ushort xf = 0) => Record(0x00FD, U16(row), U16(col), U16(xf), U32(isst));

    public static byte[] Number(ushort row, ushort col, double value, ushort xf = 0) => Record(0x0203, U16(row), U16(col), U16(xf), BitConverter.GetBytes(value));

    public static byte[] Rk(ushort row, ushort col, uint rk, ushort xf = 0) => Record(0x027E, U16(row), U16(col), U16(xf), U32(rk));

    public static byte[] Label(ushort row, ushort col, string text) => Record(0x0204, U16(row), U16(col), U16(0), UnicodeString(text));

    public static byte[] BoolErr(ushort row, ushort col, byte value, bool error) => Record(0x0205, U16(row), U16(col), U16(0), [value, (byte)(error ? 1 : 0)]);

    /// <summary>A FORMULA whose cached result is text (the text follows in a STRING record), a boolean or an error.</summary>
    public static byte[] FormulaSpecial(ushort row, ushort col, byte kind, byte value) =>
        Record(0x0006, U16(row), U16(col), U16(0), [kind, 0, value, 0, 0, 0, 0xFF, 0xFF], U16(0), U32(0), U16(0));

    public static byte[] FormulaNumber(ushort row, ushort col, double value) =>
        Record(0x0006, U16(row), U16(col), U16(0), BitConverter.GetBytes(value), U16(0), U32(0), U16(0));

    public static byte[] Xf(ushort format) => Record(0x00E0, U16(0), U16(format), new byte[16]);

    public static byte[] Format(ushort id, string code) => Record(0x041E, U16(id), UnicodeString(code));

    public static byte[] U16(ushort v) => BitConverter.GetBytes(v);

    public static byte[] U32(uint v) => BitConverter.GetBytes(v);

    public static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
}
