using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using ClassScan.Core.Documents;
using ClassScan.Extraction.Internal;
using ClassScan.Extraction.OpenXml;

namespace ClassScan.Extraction.Biff;

/// <summary>
/// Excel binary workbooks (.xlsb): the OOXML zip package with BIFF12 records instead of XML ([MS-XLSB]). Sheets in
/// workbook order (BrtBundleSh names, found through the workbook's relationships), shared strings (BrtSSTItem),
/// values as displayed (BrtFmt and the cell XFs of styles.bin), print headers and footers, and cell comments: the
/// same segments as <see cref="ExcelExtractor"/> gives for the workbook saved as .xlsx. The zip directory is checked
/// by <see cref="ZipGuard"/> first; an encrypted .xlsb is an OLE2 file and never comes here.
/// Stateless and thread-safe.
/// </summary>
internal sealed class XlsbExtractor : ITextExtractor
{
    private const int BrtRowHdr = 0;
    private const int BrtCellRk = 2;
    private const int BrtCellError = 3;
    private const int BrtCellBool = 4;
    private const int BrtCellReal = 5;
    private const int BrtCellSt = 6;
    private const int BrtCellIsst = 7;
    private const int BrtFmlaString = 8;
    private const int BrtFmlaNum = 9;
    private const int BrtFmlaBool = 10;
    private const int BrtFmlaError = 11;
    private const int BrtSstItem = 19;
    private const int BrtFmt = 44;
    private const int BrtXf = 47;
    private const int BrtCellRString = 62;
    private const int BrtWbProp = 153;
    private const int BrtBundleSh = 156;
    private const int BrtBeginHeaderFooter = 479;
    private const int BrtBeginCellXfs = 617;
    private const int BrtEndCellXfs = 618;
    private const int BrtCommentText = 637;

    public static XlsbExtractor Instance { get; } = new();

    private XlsbExtractor()
    {
    }

    public string Name => "xlsb";

    public ExtractionResult Extract(DocumentContent content, ExtractionLimits limits, CancellationToken ct) =>
        ExtractionStop.Run(() =>
        {
            var stream = content.Stream;
            InputGuard.CheckSize(stream, limits);
            if (stream.Length == 0) return new ExtractionResult.Corrupt("empty file, not an xlsb package");
            ZipGuard.Check(stream, limits, ct);
            try
            {
                using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
                var collector = new SegmentCollector(limits, ct);
                var package = new XlsbPackage(zip, limits, ct);
                Read(package, collector);
                XlsbProperties.Read(package, collector, "dokumentegenskaper");
                return collector.Result();
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException)
            {
                return new ExtractionResult.Corrupt($"damaged xlsb package ({ex.GetType().Name})");
            }
        });

    private static void Read(XlsbPackage package, SegmentCollector c)
    {
        const string workbookPart = "xl/workbook.bin";
        var formats = new BiffNumberFormats();
        var bundles = new List<(string Name, string? RelId)>();
        bool found = package.ReadRecords(workbookPart, t => t is BrtBundleSh or BrtWbProp, r =>
        {
            var body = r.Body;
            if (r.Type == BrtWbProp)
            {
                if (body.Length >= 4) formats.Date1904 = (BinaryPrimitives.ReadUInt32LittleEndian(body) & 0x01) != 0;
                return;
            }
            var (relId, name) = BundleStrings(body);
            bundles.Add((string.IsNullOrEmpty(name) ? $"{bundles.Count + 1}" : name, relId));
        });
        if (!found) throw ExtractionStop.Corrupt("xlsb package without xl/workbook.bin");

        var rels = package.Relationships(workbookPart);
        var shared = new List<string>();
        foreach (var (type, target) in rels.Values)
        {
            if (type.EndsWith("/sharedStrings", StringComparison.Ordinal)) ReadSharedStrings(package, target, shared, c);
            else if (type.EndsWith("/styles", StringComparison.Ordinal)) ReadStyles(package, target, formats);
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, relId) in bundles)
        {
            c.Token.ThrowIfCancellationRequested();
            var location = $"blad '{name}'";
            c.Add(SegmentKind.SheetName, location, name);
            if (relId is null || !rels.TryGetValue(relId, out var rel) || !package.Has(rel.Target) || !seen.Add(rel.Target))
            {
                c.Note($"{location}: bladets innehåll saknas i filen");
                continue;
            }
            if (rel.Type.EndsWith("/chartsheet", StringComparison.Ordinal)) continue; // no cells
            ReadSheet(package, rel.Target, shared, formats, c, location);
            foreach (var (type, target) in package.Relationships(rel.Target).Values)
            {
                if (type.EndsWith("/comments", StringComparison.Ordinal)) ReadComments(package, target, c, $"{location} kommentar");
            }
        }
    }

    /// <summary>
    /// BrtBundleSh's relationship id and sheet name ([MS-XLSB] 2.4.153). They follow hsState and iTabID (8 bytes), but
    /// some writers put 4 more bytes first; the layout whose two strings fill the record exactly is the one used.
    /// </summary>
    private static (string? RelId, string? Name) BundleStrings(ReadOnlySpan<byte> body)
    {
        (string?, string?) fallback = (null, null);
        foreach (int start in (ReadOnlySpan<int>)[8, 12])
        {
            int at = start;
            var relId = XlsbRecordReader.WideString(body, ref at);
            var name = XlsbRecordReader.WideString(body, ref at);
            if (name is not null && at == body.Length) return (relId, name);
            if (start == 8) fallback = (relId, name);
        }
        return fallback;
    }

    private static void ReadSharedStrings(XlsbPackage package, string part, List<string> shared, SegmentCollector c)
    {
        long chars = 0;
        package.ReadRecords(part, t => t == BrtSstItem, r =>
        {
            var text = RichString(r.Body, 0) ?? "";
            shared.Add(text);
            chars += text.Length;
            if ((shared.Count & 4095) == 0)
            {
                c.Token.ThrowIfCancellationRequested();
                c.EnsureRoom(chars); // a shared-string bomb fails before the sheets are read
            }
        });
        c.EnsureRoom(chars);
    }

    private static void ReadStyles(XlsbPackage package, string part, BiffNumberFormats formats)
    {
        bool inCellXfs = false;
        package.ReadRecords(part, t => t is BrtFmt or BrtXf or BrtBeginCellXfs or BrtEndCellXfs, r =>
        {
            var body = r.Body;
            switch (r.Type)
            {
                case BrtBeginCellXfs: inCellXfs = true; break;
                case BrtEndCellXfs: inCellXfs = false; break;
                case BrtXf when inCellXfs && body.Length >= 4:
                    formats.AddStyle(BinaryPrimitives.ReadUInt16LittleEndian(body[2..]));
                    break;
                case BrtFmt when body.Length >= 2:
                    int at = 2;
                    if (XlsbRecordReader.WideString(body, ref at) is { } code) formats.AddFormat(BinaryPrimitives.ReadUInt16LittleEndian(body), code);
                    break;
            }
        });
    }

    private static void ReadSheet(XlsbPackage package, string part, List<string> shared, BiffNumberFormats formats, SegmentCollector c, string location)
    {
        var cells = new BiffSheetText(c, location);
        var headers = new StringBuilder();
        var footers = new StringBuilder();
        long row = 0;
        package.ReadRecords(part, t => t is (>= BrtRowHdr and <= BrtFmlaError) or BrtCellRString or BrtBeginHeaderFooter, r =>
        {
            var body = r.Body;
            if (r.Type == BrtRowHdr)
            {
                if (body.Length >= 4) row = BinaryPrimitives.ReadUInt32LittleEndian(body);
                return;
            }
            if (r.Type == BrtBeginHeaderFooter)
            {
                ReadHeaderFooter(body, headers, footers);
                c.EnsureRoom(headers, SegmentKind.Header, $"{location} sidhuvud");
                c.EnsureRoom(footers, SegmentKind.Footer, $"{location} sidfot");
                return;
            }
            if (body.Length < 8) return;
            int style = (int)(BinaryPrimitives.ReadUInt32LittleEndian(body[4..]) & 0xFFFFFF);
            var value = body[8..];
            int at = 8;
            string? text = r.Type switch
            {
                BrtCellRk when value.Length >= 4 => formats.Display(BiffNumberFormats.DecodeRk(BinaryPrimitives.ReadUInt32LittleEndian(value)), style),
                BrtCellReal or BrtFmlaNum when value.Length >= 8 => formats.Display(BinaryPrimitives.ReadDoubleLittleEndian(value), style),
                BrtCellBool or BrtFmlaBool when value.Length >= 1 => value[0] != 0 ? "TRUE" : "FALSE",
                BrtCellError or BrtFmlaError when value.Length >= 1 => BiffNumberFormats.ErrorText(value[0]),
                BrtCellIsst when value.Length >= 4 => BinaryPrimitives.ReadUInt32LittleEndian(value) is var i && i < shared.Count ? shared[(int)i] : null,
                BrtCellSt or BrtFmlaString => XlsbRecordReader.WideString(body, ref at),
                BrtCellRString => RichString(body, 8),
                _ => null,
            };
            if (text is not null) cells.AddCell(row, text);
        });
        cells.Finish();
        c.Flush(SegmentKind.Header, $"{location} sidhuvud", headers);
        c.Flush(SegmentKind.Footer, $"{location} sidfot", footers);
    }

    /// <summary>BrtBeginHeaderFooter ([MS-XLSB] 2.4.45): flags, then odd/even/first headers and footers, each nullable.</summary>
    private static void ReadHeaderFooter(ReadOnlySpan<byte> body, StringBuilder headers, StringBuilder footers)
    {
        int at = 2;
        for (int i = 0; i < 6 && at < body.Length; i++)
        {
            int before = at;
            var text = XlsbRecordReader.WideString(body, ref at);
            if (at == before) break;
            if (string.IsNullOrEmpty(text)) continue;
            (i % 2 == 0 ? headers : footers).Append(ExcelHeaderFooter.StripCodes(text)).Append('\n');
        }
    }

    private static void ReadComments(XlsbPackage package, string part, SegmentCollector c, string location)
    {
        var sb = new StringBuilder();
        package.ReadRecords(part, t => t == BrtCommentText, r =>
        {
            if (RichString(r.Body, 0) is { Length: > 0 } text) sb.Append(text).Append('\n');
            c.EnsureRoom(sb, SegmentKind.Comment, location);
        });
        c.Add(SegmentKind.Comment, location, sb.ToString());
    }

    /// <summary>RichStr ([MS-XLSB] 2.5.121): a flags byte, then the string; runs and phonetic data after it are not text we need.</summary>
    private static string? RichString(ReadOnlySpan<byte> body, int offset)
    {
        int at = offset + 1;
        return at <= body.Length ? XlsbRecordReader.WideString(body, ref at) : null;
    }
}
