using System.IO.Compression;
using System.Text;

namespace ClassScan.Extraction.Tests.Excel;

/// <summary>
/// Builds small .xlsb packages from BIFF12 records ([MS-XLSB] 2.1.4: 7-bit type and size groups), one sheet per
/// call, for crafted cases golden.xlsb does not hold (sizes that lie, missing parts, out-of-range indexes).
/// </summary>
internal sealed class XlsbBuilder
{
    private readonly List<(string Name, byte[] Records)> sheets = [];
    private readonly List<string> shared = [];
    private readonly List<(string Name, string Xml, string? RelType)> parts = [];
    private bool withWorkbook = true;

    /// <summary>An extra XML part; with <paramref name="relType"/> it is named in the package relationships (_rels/.rels).</summary>
    public XlsbBuilder Part(string name, string xml, string? relType = null)
    {
        parts.Add((name, xml, relType));
        return this;
    }

    public XlsbBuilder Sheet(string name, params byte[][] records)
    {
        sheets.Add((name, XlsBuilder.Concat([Record(129), Record(145), .. records, Record(146), Record(130)])));
        return this;
    }

    public XlsbBuilder Shared(params string[] strings)
    {
        shared.AddRange(strings);
        return this;
    }

    public XlsbBuilder WithoutWorkbook()
    {
        withWorkbook = false;
        return this;
    }

    public byte[] Build()
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            const string Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
            Write(zip, "[Content_Types].xml", Encoding.UTF8.GetBytes("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"));
            if (withWorkbook)
            {
                var wb = new List<byte[]> { Record(131), Record(143) };
                wb.AddRange(sheets.Select((s, i) => Record(156, XlsBuilder.U32(0), XlsBuilder.U32((uint)i + 1), WideString($"rId{i + 1}"), WideString(s.Name))));
                wb.Add(Record(144));
                wb.Add(Record(132));
                Write(zip, "xl/workbook.bin", XlsBuilder.Concat([.. wb]));
            }
            var rels = new StringBuilder("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
            for (int i = 0; i < sheets.Count; i++)
                rels.Append($"<Relationship Id=\"rId{i + 1}\" Type=\"{Rel}/worksheet\" Target=\"worksheets/sheet{i + 1}.bin\"/>");
            rels.Append($"<Relationship Id=\"rIdS\" Type=\"{Rel}/sharedStrings\" Target=\"/xl/sharedStrings.bin\"/></Relationships>");
            Write(zip, "xl/_rels/workbook.bin.rels", Encoding.UTF8.GetBytes(rels.ToString()));
            Write(zip, "xl/sharedStrings.bin", XlsBuilder.Concat([Record(159, new byte[8]), .. shared.Select(s => Record(19, [0], WideString(s))), Record(160)]));
            for (int i = 0; i < sheets.Count; i++) Write(zip, $"xl/worksheets/sheet{i + 1}.bin", sheets[i].Records);
            var packageRels = new StringBuilder("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
            foreach (var (name, xml, relType) in parts)
            {
                Write(zip, name, Encoding.UTF8.GetBytes(xml));
                if (relType is not null) packageRels.Append($"<Relationship Id=\"p{name.Length}\" Type=\"{relType}\" Target=\"{name}\"/>");
            }
            Write(zip, "_rels/.rels", Encoding.UTF8.GetBytes(packageRels.Append("</Relationships>").ToString()));
        }
        return ms.ToArray();
    }

    public static byte[] Record(int type, params byte[][] parts) => RecordWithSize(type, parts.Sum(p => p.Length), parts);

    /// <summary>A record whose size field says <paramref name="size"/>, whatever the body holds.</summary>
    public static byte[] RecordWithSize(int type, int size, params byte[][] parts)
    {
        var head = new List<byte> { (byte)((type & 0x7F) | (type >= 0x80 ? 0x80 : 0)) };
        if (type >= 0x80) head.Add((byte)(type >> 7));
        int n = size;
        do
        {
            byte b = (byte)(n & 0x7F);
            n >>= 7;
            head.Add((byte)(b | (n != 0 ? 0x80 : 0)));
        }
        while (n != 0);
        return XlsBuilder.Concat([head.ToArray(), .. parts]);
    }

    public static byte[] Row(uint row) => Record(0, XlsBuilder.U32(row), new byte[13]);

    public static byte[] Cell(uint col, uint style = 0) => XlsBuilder.Concat(XlsBuilder.U32(col), XlsBuilder.U32(style));

    public static byte[] WideString(string s) => XlsBuilder.Concat(XlsBuilder.U32((uint)s.Length), Encoding.Unicode.GetBytes(s));

    private static void Write(ZipArchive zip, string name, byte[] data)
    {
        using var s = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
        s.Write(data);
    }
}
