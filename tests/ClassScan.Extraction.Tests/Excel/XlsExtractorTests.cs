using System.Buffers.Binary;
using System.Text;
using ClassScan.Core.Documents;
using ClassScan.Extraction.Biff;
using ClassScan.Extraction.Cfb;
using ClassScan.Extraction.Internal;
using static ClassScan.Extraction.Tests.Excel.XlsBuilder;

namespace ClassScan.Extraction.Tests.Excel;

/// <summary>
/// Legacy Excel (.xls) through the compound-file extractor: golden.xls (made by Golden/make_golden.py with
/// LibreOffice, the same workbook as golden.xlsx and golden.xlsb) and records built by <see cref="XlsBuilder"/>.
/// </summary>
public class XlsExtractorTests
{
    private const string TestNumber = "19121212-1212";

    private static ExtractionResult Result(byte[] xls, ExtractionLimits? limits = null, CancellationToken ct = default) =>
        ExtractionHelper.Result(CfbExtractor.Instance, xls, limits, ct);

    private static ExtractedText Extract(byte[] xls) => ExtractionHelper.WholeText(Result(xls));

    private static string Cells(ExtractedText text, string sheet) =>
        Assert.Single(text.OfKind(SegmentKind.Cell), s => s.Location == $"blad '{sheet}'").Text;

    internal static byte[] Golden(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Excel", "Golden", name));

    [Fact]
    public void Extract_GoldenXls_SelectedAsCompoundFile()
    {
        var bytes = Golden("golden.xls");

        Assert.Equal("cfb", ExtractionHelper.Select("golden.xls", bytes)?.Name);
    }

    [Fact]
    public void Extract_GoldenXls_NumbersAndDatesAsDisplayed()
    {
        var lines = Cells(Extract(Golden("golden.xls")), "Elevlista").Split('\n');

        Assert.Equal("Namn\tPersonnummer\tInskriven\tAvgift", lines[0]);
        Assert.Equal("Tolvan Tolvansson\t191212121212\t2024-03-15\t1234.50", lines[1]); // NUMBER, date, 0.00
        Assert.Equal("Vetenskaplig form\t191212121212\t50%", lines[2]); // 0.00E+00 must not hide the digits
        Assert.Equal("Formel\t2", lines[3]);
        Assert.DoesNotContain("E+", string.Join("\n", lines), StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_GoldenXls_TestNumberAcrossContinueRecordWhole()
    {
        var bytes = Golden("golden.xls");
        Assert.True(SstContinues(bytes), "golden.xls should have its shared strings split over a CONTINUE record");

        var cells = Cells(Extract(bytes), "Elevlista");

        Assert.Contains(TestNumber, cells, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_GoldenXls_SheetNamesHeaderFooterComment()
    {
        var text = Extract(Golden("golden.xls"));

        Assert.Equal(["Elevlista", "Tom blad"], text.OfKind(SegmentKind.SheetName).Select(s => s.Text));
        Assert.Equal("Elevregister HT24", Assert.Single(text.OfKind(SegmentKind.Header), s => s.Location == "blad 'Elevlista' sidhuvud").Text);
        Assert.Equal("Skolkontoret", Assert.Single(text.OfKind(SegmentKind.Footer), s => s.Location == "blad 'Elevlista' sidfot").Text);
        Assert.Equal("Kontrollera uppgiften", Assert.Single(text.OfKind(SegmentKind.Comment)).Text);
        Assert.Equal("Ingen känslig uppgift\t42", Cells(text, "Tom blad"));
    }

    [Theory]
    [InlineData("golden.xlsb")]
    [InlineData("golden.xls")]
    public void Extract_SameWorkbookAsXlsx_SameSegments(string other)
    {
        var xlsx = ExtractionHelper.SelectAndRun("golden.xlsx", Golden("golden.xlsx"));

        var text = ExtractionHelper.SelectAndRun(other, Golden(other));

        Assert.Equal(xlsx.Segments.Select(s => (s.Kind, s.Location, s.Text)), text.Segments.Select(s => (s.Kind, s.Location, s.Text)));
    }

    // The classic trap: each CONTINUE that goes on with a string's characters starts with its own option byte, and
    // the width may change there; a reader that keeps the first width garbles the rest.
    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void Extract_SharedStringSplitAcrossContinue_WidthReadAgain(bool firstWide, bool secondWide)
    {
        var first = "Tolvan 191212";
        var second = "12-1212 Åsa";
        byte[] Chars(string s, bool wide) => wide ? Encoding.Unicode.GetBytes(s) : Encoding.Latin1.GetBytes(s);
        var sst = Record(0x00FC, U32(2), U32(2), U16((ushort)(first.Length + second.Length)), [(byte)(firstWide ? 1 : 0)], Chars(first, firstWide));
        var cont = Record(0x003C, [(byte)(secondWide ? 1 : 0)], Chars(second, secondWide), UnicodeString("Nästa"));
        var xls = new XlsBuilder().Global(sst).Global(cont)
            .Sheet("Blad1", LabelSst(0, 0, 0), LabelSst(1, 0, 1)).Build();

        Assert.Equal("Tolvan 19121212-1212 Åsa\nNästa", Cells(Extract(xls), "Blad1"));
    }

    [Fact]
    public void Extract_RichStringWithRunsAndPhoneticBlockAcrossContinue_RunsSkipped()
    {
        // fRichSt (2 runs) and fExtSt (6 bytes), the runs themselves split by the CONTINUE: no option byte there.
        var sst = Record(0x00FC, U32(2), U32(2), U16(5), [0x0C], U16(2), U32(6), Encoding.Latin1.GetBytes("Hemli"), new byte[5]);
        var cont = Record(0x003C, new byte[3], new byte[6], UnicodeString("sekretess"));
        var xls = new XlsBuilder().Global(sst).Global(cont).Sheet("Blad1", LabelSst(0, 0, 0), LabelSst(0, 1, 1)).Build();

        Assert.Equal("Hemli\tsekretess", Cells(Extract(xls), "Blad1"));
    }

    [Fact]
    public void Extract_CellRecords_AsDisplayed()
    {
        var xls = new XlsBuilder()
            .Global(Format(164, "000000-0000")).Global(Xf(0)).Global(Xf(164)).Global(Xf(14))
            .Sheet("Blad1",
                Number(0, 0, 8112189876, xf: 1),
                Rk(1, 0, (1234u << 2) | 0x02),           // integer RK
                Rk(1, 1, (12345u << 2) | 0x03),          // integer RK ÷ 100
                Rk(2, 0, (uint)(BitConverter.DoubleToInt64Bits(45366.0) >> 32), xf: 2), // double RK, date format
                Record(0x00BD, U16(3), U16(0), U16(0), U32((7u << 2) | 2), U16(0), U32((8u << 2) | 2), U16(1)), // MULRK
                BoolErr(4, 0, 1, error: false), BoolErr(4, 1, 0, error: false), BoolErr(4, 2, 0x2A, error: true),
                Label(5, 0, "Å ä ö"))
            .Build();

        var lines = Cells(Extract(xls), "Blad1").Split('\n');

        Assert.Equal(["811218-9876", "1234\t123.45", "2024-03-15", "7\t8", "TRUE\tFALSE\t#N/A", "Å ä ö"], lines);
    }

    [Fact]
    public void Extract_FormulaCachedResults_TextFromStringRecord()
    {
        var xls = new XlsBuilder().Sheet("Blad1",
                FormulaSpecial(0, 0, 0, 0), Record(0x04BC, new byte[10]), Record(0x0207, UnicodeString("Sekretess OSL")),
                FormulaSpecial(1, 0, 1, 1), FormulaSpecial(1, 1, 2, 0x07), FormulaNumber(1, 2, 2.5),
                Record(0x0207, UnicodeString("ingen formel före")))
            .Build();

        Assert.Equal("Sekretess OSL\nTRUE\t#DIV/0!\t2.5", Cells(Extract(xls), "Blad1"));
    }

    [Fact]
    public void Extract_NoteTextInTxo_CommentSegment()
    {
        var obj = Record(0x005D, U16(0x15), U16(0x12), U16(0x19), U16(1), new byte[14], U32(0));
        var txo = Record(0x01B6, U16(0x0212), U16(0), new byte[6], U16(19), U16(16), U32(0));
        var text1 = Record(0x003C, [0], Encoding.Latin1.GetBytes("Ring vård"));
        var text2 = Record(0x003C, [1], Encoding.Unicode.GetBytes("nadshavare"));
        var runs = Record(0x003C, new byte[16]);
        var xls = new XlsBuilder().Sheet("Blad1", Label(0, 0, "a"), obj, txo, text1, text2, runs).Build();

        var text = Extract(xls);

        Assert.Equal("Ring vårdnadshavare", Assert.Single(text.OfKind(SegmentKind.Comment), s => s.Location == "blad 'Blad1' kommentar").Text);
        Assert.Equal("a", Cells(text, "Blad1"));
    }

    [Fact]
    public void Extract_Biff5Workbook_CodePageStrings()
    {
        var label = Record(0x0204, U16(0), U16(0), U16(0), U16(3), [0xC5, 0x73, 0x61]); // "Åsa" in Windows-1252
        var book = new XlsBuilder().Global(Record(0x0042, U16(1252)))
            .Sheet("Blad1", label, Rk(0, 1, (42u << 2) | 2)).Stream(version: 0x0500);
        // BIFF5 BOUNDSHEET: offset, state, type, 8-bit length and code-page bytes.
        var biff5 = Biff5SheetNames(book);

        var text = Extract(ClassScan.TestSupport.Documents.CompoundFileWriter.Create(("Book", biff5)));

        Assert.Equal("Blad1", Assert.Single(text.OfKind(SegmentKind.SheetName)).Text);
        Assert.Equal("Åsa\t42", Cells(text, "Blad1"));
    }

    [Fact]
    public void Extract_FilePassAfterSheetOfRecords_Encrypted()
    {
        var records = Enumerable.Repeat(Record(0x00E0, new byte[20]), 100).ToArray(); // past the prefix the probe reads
        var builder = new XlsBuilder();
        foreach (var r in records) builder.Global(r);
        builder.Global(Record(0x002F, U16(0), new byte[4]));

        Assert.IsType<ExtractionResult.Encrypted>(Result(builder.Sheet("Blad1", Label(0, 0, "hemligt")).Build()));
    }

    [Theory]
    [InlineData(new byte[] { 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08 })] // no BOF
    [InlineData(new byte[] { 0x09, 0x08, 0x10, 0x00, 0x00, 0x06 })]              // BOF cut off
    public void Extract_NotBiff_CorruptWithoutContent(byte[] stream)
    {
        var ex = Assert.IsType<ExtractionResult.Corrupt>(Result(ClassScan.TestSupport.Documents.CompoundFileWriter.Create(("Workbook", stream))));

        Assert.Contains("legacy Excel", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_SheetOffsetOutsideStreamAndRepeated_NoteNotCrash()
    {
        var stream = new XlsBuilder().Sheet("Blad1", Label(0, 0, "ett")).Stream();
        int eof = IndexOfGlobalsEof(stream);
        var extra = BoundSheet(0xFFFFFF, "Borta");
        int shift = extra.Length + BoundSheet(0, "Igen").Length;
        uint blad1 = BinaryPrimitives.ReadUInt32LittleEndian(stream.AsSpan(24)) + (uint)shift;
        // A sheet pointing past the stream and a second BOUNDSHEET to Blad1's offset: each offset is read at most once.
        var patched = Concat(stream[..eof], extra, BoundSheet(blad1, "Igen"), stream[eof..]);
        FixSheetOffsets(patched, shift);

        var text = Extract(ClassScan.TestSupport.Documents.CompoundFileWriter.Create(("Workbook", patched)));

        Assert.Equal(["Blad1", "Borta", "Igen"], text.OfKind(SegmentKind.SheetName).Select(s => s.Text));
        Assert.Equal("ett", Cells(text, "Blad1"));
        Assert.Contains("blad 'Borta': bladets innehåll saknas i filen", text.Notes);
        Assert.Contains("blad 'Igen': bladets innehåll saknas i filen", text.Notes);
    }

    [Fact]
    public void Extract_RecordCutOffInSheet_TextBeforeKeptWithNote()
    {
        var stream = new XlsBuilder().Sheet("Blad1", Label(0, 0, "före"), Label(1, 0, "efter")).Stream();
        int cut = stream.Length - 4 - 8; // inside the second LABEL

        var text = ExtractionHelper.WholeText(ReadStream(stream[..cut]));

        Assert.Contains("före", text.AllText(), StringComparison.Ordinal);
        Assert.Contains(text.Notes, n => n == "blad 'Blad1': bladet är avkortat");
    }

    [Fact]
    public void Extract_SharedStringClaimsMoreThanThere_StringsBeforeKept()
    {
        var sst = Record(0x00FC, U32(3), U32(3), UnicodeString("ett"), U16(60000), [0], Encoding.Latin1.GetBytes("två"));
        var xls = new XlsBuilder().Global(sst).Sheet("Blad1", LabelSst(0, 0, 0), LabelSst(0, 1, 1), LabelSst(0, 2, 2)).Build();

        var text = Extract(xls);

        Assert.Equal("ett\ttvå", Cells(text, "Blad1"));
        Assert.Contains("tabellen med delade texter är avkortad", text.Notes);
    }

    [Fact]
    public void Extract_TextBeyondLimit_PartialText()
    {
        var rows = Enumerable.Range(0, 200).Select(i => Label((ushort)i, 0, new string('x', 100))).ToArray();
        var xls = new XlsBuilder().Sheet("Blad1", rows).Build();

        var partial = Assert.IsType<ExtractionResult.PartialText>(Result(xls, ExtractionLimits.Default with { MaxExtractedChars = 5000 }));

        Assert.True(partial.Content.Truncated);
        Assert.InRange(partial.Content.TotalChars, 1, 5000);
    }

    [Fact]
    public void Extract_SharedStringBomb_StopsAtLimitBeforeSheets()
    {
        var big = Enumerable.Range(0, 20).Select(i => new string((char)('a' + i), 2000)).ToArray();
        var xls = new XlsBuilder().Global(Sst(big)).Sheet("Blad1", LabelSst(0, 0, 0)).Build();

        var partial = Assert.IsType<ExtractionResult.PartialText>(Result(xls, ExtractionLimits.Default with { MaxExtractedChars = 10_000 }));

        Assert.Empty(partial.Content.Segments);
    }

    [Fact]
    public void Extract_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => Result(Golden("golden.xls"), ct: cts.Token));
    }

    [Fact]
    public void Extract_SheetsNestedInEachOther_ByteBudgetStopsRereading()
    {
        // 2,000 sheets whose BOFs follow one another without an EOF: read naively, each would run to the end of the
        // stream (about 2,000 × 1.4 MB). The reader stops once it has read four times the stream.
        const int Sheets = 2000;
        var block = Concat([Bof(0x0600, 0x0010), .. Enumerable.Range(0, 100).Select(i => Rk((ushort)i, 0, 2))]);
        var names = Enumerable.Range(0, Sheets).Select(i => $"B{i}").ToArray();
        int globals = Bof(0x0600, 0x0005).Length + names.Sum(n => BoundSheet(0, n).Length) + 4;
        var stream = Concat([
            Bof(0x0600, 0x0005),
            .. names.Select((n, i) => BoundSheet((uint)(globals + (i * block.Length)), n)),
            Record(0x000A),
            .. Enumerable.Repeat(block, Sheets),
        ]);

        var ex = Assert.IsType<ExtractionResult.Corrupt>(ReadStream(stream));

        Assert.Contains("overlap", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_OlePropertySets_MetadataSegmentLikeXlsx()
    {
        var cp1252 = ClassScan.Extraction.Text.TextDecoding.Windows1252;
        byte[] I2(ushort v) => Concat(U32(2), U16(v), U16(0));
        byte[] Lpstr(string v) => Concat(U32(0x1E), U32((uint)v.Length + 1), cp1252.GetBytes(v + "\0"), new byte[(4 - ((v.Length + 1) % 4)) % 4]);
        byte[] Lpwstr(string v) => Concat(U32(0x1F), U32((uint)v.Length + 1), Encoding.Unicode.GetBytes(v + "\0"), new byte[((v.Length + 1) * 2) % 4]);
        var name = "MSIP_Label_1_Name";
        var dictionary = Concat(U32(1), U32(2), U32((uint)name.Length + 1), cp1252.GetBytes(name + "\0"), new byte[(4 - ((name.Length + 1) % 4)) % 4]);
        var summary = PropertySetStream([("F29F85E0-4FF9-1068-AB91-08002B27B3D9", [(1, I2(1252)), (2, Lpstr("Elevlista åk 9")), (4, Lpstr("S*** N*****"))])]);
        var document = PropertySetStream([
            ("D5CDD502-2E9C-101B-9397-08002B2CF9AE", [(1, I2(1252)), (2, Lpstr("Elevhälsa"))]),
            ("D5CDD505-2E9C-101B-9397-08002B2CF9AE", [(1, I2(1252)), (0, Concat(dictionary)), (2, Lpwstr("Känslig"))]),
        ]);
        var workbook = new XlsBuilder().Sheet("Blad1", Label(0, 0, "a")).Stream();
        var xls = ClassScan.TestSupport.Documents.CompoundFileWriter.Create(
            ("Workbook", workbook), ("\u0005SummaryInformation", summary), ("\u0005DocumentSummaryInformation", document));

        var metadata = Assert.Single(Extract(xls).OfKind(SegmentKind.Metadata));

        Assert.Equal("dokumentegenskaper", metadata.Location);
        Assert.Equal("Titel: Elevlista åk 9\nKategori: Elevhälsa\nMSIP_Label_1_Name: Känslig", metadata.Text); // no author
    }

    [Fact]
    public void Extract_DamagedPropertySet_WorkbookStillRead()
    {
        var summary = Concat(U16(0xFFFE), new byte[22], U32(1), Guid.Parse("F29F85E0-4FF9-1068-AB91-08002B27B3D9").ToByteArray(), U32(48),
            U32(0xFFFFFFF0), U32(0xFFFFFFFF), U32(2), U32(0xFFFFFFF0));
        var xls = ClassScan.TestSupport.Documents.CompoundFileWriter.Create(
            ("Workbook", new XlsBuilder().Sheet("Blad1", Label(0, 0, "a")).Stream()), ("\u0005SummaryInformation", summary));

        var text = Extract(xls);

        Assert.Equal("a", Cells(text, "Blad1"));
        Assert.Empty(text.OfKind(SegmentKind.Metadata));
    }

    /// <summary>An OLE property set stream ([MS-OLEPS] 2.21) with one or two sets of (id, typed value) properties.</summary>
    private static byte[] PropertySetStream((string Format, (uint Id, byte[] Value)[] Properties)[] sets)
    {
        var bodies = sets.Select(set =>
        {
            int headerLength = 8 + (8 * set.Properties.Length);
            var offsets = new List<byte[]>();
            int at = headerLength;
            foreach (var (id, value) in set.Properties)
            {
                offsets.Add(Concat(U32(id), U32((uint)at)));
                at += value.Length;
            }
            return Concat([U32((uint)at), U32((uint)set.Properties.Length), .. offsets, .. set.Properties.Select(p => p.Value)]);
        }).ToList();
        int offset = 28 + (20 * sets.Length);
        var directory = new List<byte[]>();
        foreach (var (set, body) in sets.Zip(bodies))
        {
            directory.Add(Concat(Guid.Parse(set.Format).ToByteArray(), U32((uint)offset)));
            offset += body.Length;
        }
        return Concat([U16(0xFFFE), U16(0), U32(0x00020006), new byte[16], U32((uint)sets.Length), .. directory, .. bodies]);
    }

    private static ExtractionResult ReadStream(byte[] workbook) =>
        ExtractionStop.Run(() =>
        {
            var c = new SegmentCollector(ExtractionLimits.Default, CancellationToken.None);
            XlsWorkbookReader.Read(workbook, c);
            return c.Result();
        });

    private static int IndexOfGlobalsEof(byte[] stream)
    {
        int pos = 0;
        while (BinaryPrimitives.ReadUInt16LittleEndian(stream.AsSpan(pos)) != 0x000A)
            pos += 4 + BinaryPrimitives.ReadUInt16LittleEndian(stream.AsSpan(pos + 2));
        return pos;
    }

    /// <summary>Moves the first <paramref name="count"/> BOUNDSHEET offsets by <paramref name="shift"/> bytes inserted before the sheets.</summary>
    private static void FixSheetOffsets(byte[] stream, int shift, int count = 1)
    {
        int pos = 0;
        while (count > 0 && pos + 4 <= stream.Length)
        {
            ushort type = BinaryPrimitives.ReadUInt16LittleEndian(stream.AsSpan(pos));
            if (type == 0x0085)
            {
                var at = stream.AsSpan(pos + 4);
                BinaryPrimitives.WriteUInt32LittleEndian(at, BinaryPrimitives.ReadUInt32LittleEndian(at) + (uint)shift);
                count--;
            }
            pos += 4 + BinaryPrimitives.ReadUInt16LittleEndian(stream.AsSpan(pos + 2));
        }
    }

    /// <summary>Rewrites the BOUNDSHEET8 names of a builder stream to BIFF5's 8-bit form (one byte shorter each).</summary>
    private static byte[] Biff5SheetNames(byte[] stream)
    {
        var records = new List<byte[]>();
        int pos = 0;
        int removed = 0;
        while (pos + 4 <= stream.Length)
        {
            ushort type = BinaryPrimitives.ReadUInt16LittleEndian(stream.AsSpan(pos));
            int len = BinaryPrimitives.ReadUInt16LittleEndian(stream.AsSpan(pos + 2));
            var body = stream.AsSpan(pos + 4, len).ToArray();
            if (type == 0x0085)
            {
                int cch = body[6];
                var name = Encoding.Unicode.GetString(body, 8, cch * 2);
                records.Add(Record(0x0085, body[..6], [(byte)cch], Encoding.Latin1.GetBytes(name)));
                removed += len - (7 + cch);
            }
            else
            {
                records.Add(Record(type, body));
            }
            pos += 4 + len;
        }
        var result = Concat([.. records]);
        // The sheet offsets moved by what the shorter names saved.
        FixSheetOffsets(result, -removed, count: int.MaxValue);
        return result;
    }

    private static bool SstContinues(byte[] xls)
    {
        using var ms = new MemoryStream(xls);
        var file = CompoundFile.Open(ms, CancellationToken.None);
        var wb = file.ReadPrefix(file.Find("Workbook")!, xls.Length);
        int pos = 0;
        while (pos + 4 <= wb.Length)
        {
            ushort type = BinaryPrimitives.ReadUInt16LittleEndian(wb.AsSpan(pos));
            int next = pos + 4 + BinaryPrimitives.ReadUInt16LittleEndian(wb.AsSpan(pos + 2));
            if (type == 0x00FC) return next + 2 <= wb.Length && BinaryPrimitives.ReadUInt16LittleEndian(wb.AsSpan(next)) == 0x003C;
            pos = next;
        }
        return false;
    }
}
