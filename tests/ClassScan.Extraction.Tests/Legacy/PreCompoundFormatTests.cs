using System.Buffers.Binary;
using System.Text;
using ClassScan.Core.Documents;
using ClassScan.Extraction.Biff;
using ClassScan.Extraction.Internal;
using ClassScan.Extraction.Legacy;
using ClassScan.TestSupport;

namespace ClassScan.Extraction.Tests.Legacy;

/// <summary>
/// Office files older than the compound file (Word for Windows 1/2, Excel 2.x-4.0), PowerPoint 95's unpublished text
/// records, and files named .doc/.xls/.ppt that are something else, built byte by byte so each test controls exactly
/// what the file holds. The real files of ../shared/corpus/real are read in the Shared tests at the end.
/// </summary>
public class PreCompoundFormatTests
{
    private const string Pnr = "19121212-1212";

    // ---- Word for Windows 1.x/2.0 ----

    [Fact]
    public void ReadWord2_BodyAndHeaderStories_ApartWithPersonnummer()
    {
        var file = Word2File($"Elevakt\rPersonnummer {Pnr}\r", "Sekretess enligt OSL 23 kap.\r");

        var text = ExtractionHelper.Run(LegacyStreamExtractor.Instance, file);

        Assert.Contains(Pnr, text.OfKind(SegmentKind.Body).Single().Text, StringComparison.Ordinal);
        Assert.Contains("Sekretess enligt OSL", text.OfKind(SegmentKind.Header).Single().Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Sekretess", text.OfKind(SegmentKind.Body).Single().Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadWord2_SwedishLetters_DecodedFromWindows1252()
    {
        var text = ExtractionHelper.Run(LegacyStreamExtractor.Instance, Word2File("Åsa Öberg, Härnösand\r", ""));

        Assert.Equal("Åsa Öberg, Härnösand", text.OfKind(SegmentKind.Body).Single().Text.Trim());
    }

    [Fact]
    public void ReadWord2_EncryptedFlag_Encrypted()
    {
        var file = Word2File("hemligt\r", "");
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(0x0A), 0x0100);

        Assert.IsType<ExtractionResult.Encrypted>(ExtractionHelper.Result(LegacyStreamExtractor.Instance, file));
    }

    [Fact]
    public void ReadWord2_FastSaved_TextReadInFileOrderWithNote()
    {
        var file = Word2File($"Personnummer {Pnr}\r", "");
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(0x0A), 0x0004); // fComplex
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(0x34), 3); // story counts of a fast save do not cover the text

        var text = ExtractionHelper.Run(LegacyStreamExtractor.Instance, file);

        Assert.Contains(Pnr, text.AllText(), StringComparison.Ordinal);
        Assert.Contains(text.Notes, n => n.Contains("snabbsparat", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0x40)] // cut inside the FIB
    [InlineData(0x100)] // cut before fcMin
    public void ReadWord2_Truncated_Corrupt(int length)
    {
        var file = Word2File("text\r", "")[..length];

        Assert.IsType<ExtractionResult.Corrupt>(ExtractionHelper.Result(LegacyStreamExtractor.Instance, file));
    }

    [Theory]
    [InlineData("brev.doc")]
    [InlineData("BREV.DOT")]
    [InlineData("utan-filändelse")]
    public void Select_Word2Header_LegacyStreamWhateverTheName(string name)
    {
        Assert.Equal("legacy-stream", ExtractionHelper.Select(name, Word2File("x\r", ""))?.Name);
    }

    // ---- Excel 2.x-4.0 ----

    [Fact]
    public void ReadBiff2_LabelNumberIntegerFormulaString_CellsByRow()
    {
        var sheet = new Biff()
            .Record(0x0009, U16(0x0002), U16(0x0010)) // BOF, worksheet
            .Record(0x001E, Short("General"))
            .Record(0x001E, Short("0"))
            .Record(0x0004, Cell2(0, 0), Short("Personnummer"))
            .Record(0x0003, Cell2(0, 1, format: 1), BitConverter.GetBytes(191212121212d))
            .Record(0x0002, Cell2(1, 0), U16(42))
            .Record(0x0006, Cell2(1, 1), [0, 0, 0, 0, 0, 0, 0xFF, 0xFF], U16(0), [0]) // FORMULA with a string result
            .Record(0x0007, Short("Tolvansson"))
            .Record(0x0014, Short("&CSekretess"))
            .Record(0x000A)
            .Bytes();

        var text = ExtractionHelper.Run(LegacyStreamExtractor.Instance, sheet);

        Assert.Equal("Personnummer\t191212121212\n42\tTolvansson", text.OfKind(SegmentKind.Cell).Single().Text.TrimEnd());
        Assert.Equal("Sekretess", text.OfKind(SegmentKind.Header).Single().Text.Trim());
        Assert.Equal("blad '1'", text.OfKind(SegmentKind.Cell).Single().Location);
    }

    [Fact]
    public void ReadBiff3_StyledNumberRkAndLabel_ShownAsExcelShowsThem()
    {
        var sheet = new Biff()
            .Record(0x0209, U16(0), U16(0x0010), U16(0))
            .Record(0x001E, Short("General"))
            .Record(0x001E, Short("0.00"))
            .Record(0x0243, [0, 0], new byte[10]) // XF 0: format 0
            .Record(0x0243, [0, 1], new byte[10]) // XF 1: format 1 ("0.00")
            .Record(0x0204, Cell(0, 0, xf: 0), U16(6), Encoding.Latin1.GetBytes("Belopp"))
            .Record(0x0203, Cell(0, 1, xf: 1), BitConverter.GetBytes(1234.5))
            .Record(0x027E, Cell(1, 0, xf: 0), U32((42u << 2) | 0x02)) // RK: a 30-bit integer
            .Record(0x000A)
            .Bytes();

        var text = ExtractionHelper.Run(LegacyStreamExtractor.Instance, sheet).OfKind(SegmentKind.Cell).Single().Text;

        Assert.Equal("Belopp\t1234.50\n42", text.TrimEnd());
    }

    [Fact]
    public void ReadBiff4Workbook_SheetsNamedByBundleHeaders()
    {
        var book = new Biff()
            .Record(0x0409, U16(0), U16(0x0100), U16(0)) // BOF, workbook
            .Record(0x008F, U32(0), Short("Elever"))
            .Record(0x0409, U16(0), U16(0x0010), U16(0))
            .Record(0x0204, Cell(0, 0, xf: 0), U16(13), Encoding.Latin1.GetBytes(Pnr))
            .Record(0x000A)
            .Record(0x008F, U32(0), Short("Personal"))
            .Record(0x0409, U16(0), U16(0x0010), U16(0))
            .Record(0x0204, Cell(0, 0, xf: 0), U16(6), Encoding.Latin1.GetBytes("Rektor"))
            .Record(0x000A)
            .Record(0x000A)
            .Bytes();

        var text = ExtractionHelper.Run(LegacyStreamExtractor.Instance, book);

        Assert.Equal(["Elever", "Personal"], text.OfKind(SegmentKind.SheetName).Select(s => s.Text));
        Assert.Contains(Pnr, text.OfKind(SegmentKind.Cell).Single(s => s.Location == "blad 'Elever'").Text, StringComparison.Ordinal);
        Assert.Equal("Rektor", text.OfKind(SegmentKind.Cell).Single(s => s.Location == "blad 'Personal'").Text.Trim());
    }

    [Fact]
    public void ReadBiff3_RecordCutByTheFileEnd_CellsBeforeKeptWithNote()
    {
        var sheet = new Biff()
            .Record(0x0209, U16(0), U16(0x0010), U16(0))
            .Record(0x0204, Cell(0, 0, xf: 0), U16(13), Encoding.Latin1.GetBytes(Pnr))
            .Record(0x0204, Cell(1, 0, xf: 0), U16(40), Encoding.Latin1.GetBytes("cut here"))
            .Bytes();

        var text = ExtractionHelper.Run(LegacyStreamExtractor.Instance, sheet[..^20]);

        Assert.Contains(Pnr, text.AllText(), StringComparison.Ordinal);
        Assert.Contains(text.Notes, n => n.Contains("avkortat", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("lista.xls", true)]
    [InlineData("mall.XLT", true)]
    [InlineData("data.bin", false)] // a BOF alone is too weak to claim a file not named as a workbook
    public void Select_BiffStream_LegacyStreamWhenNamedAsWorkbook(string name, bool expected)
    {
        var sheet = new Biff().Record(0x0209, U16(0), U16(0x0010), U16(0)).Record(0x000A).Bytes();

        Assert.Equal(expected, ExtractionHelper.Select(name, sheet)?.Name == "legacy-stream");
    }

    // ---- PowerPoint 95 ----

    [Fact]
    public void ReadPpt95_TextRecordsFound_BinaryLookalikesLeftOut()
    {
        var stream = new MemoryStream();
        stream.Write(new byte[] { 0x64, 0, 0, 0, 0x01, 0x00, 0x03, 0, 0, 0, 0x00, 0xFF, 0x10 }); // type 1 but binary
        stream.Write(TextRecord("Utredning om barnet\rPersonnummer " + Pnr));
        stream.Write(new byte[] { 0x0B, 0x0C, 0x00, 0x09, 0, 0, 0, 0x10, 0x00 });
        stream.Write(TextRecord("Bilaga 2"));

        var c = new SegmentCollector(new ExtractionLimits(), CancellationToken.None);
        Ppt95Reader.Read(stream.ToArray(), c);
        var text = ExtractionHelper.WholeText(c.Result());

        Assert.Equal($"Utredning om barnet\nPersonnummer {Pnr}\nBilaga 2", text.OfKind(SegmentKind.Body).Single().Text.TrimEnd());
        Assert.Contains(text.Notes, n => n.Contains("PowerPoint 95", StringComparison.Ordinal));
    }

    [Fact]
    public void ReadPpt95_NoTextRecords_NoSegments()
    {
        var c = new SegmentCollector(new ExtractionLimits(), CancellationToken.None);
        Ppt95Reader.Read([0x01, 0x00, 0x02, 0, 0, 0, 0x01, 0x02, 0x01, 0x00], c);

        Assert.True(ExtractionHelper.WholeText(c.Result()).IsBlank);
    }

    // ---- files named as legacy Office that are something else ----

    [Theory]
    [InlineData("export.xls", "<html><body><table><tr><td>19121212-1212</td></tr></table></body></html>", "html")]
    [InlineData("export.xls", "\uFEFF<?xml version=\"1.0\"?><Workbook><Row><Cell>x</Cell></Row></Workbook>", "xml-text")]
    [InlineData("export.xls", "Namn\tPersonnummer\r\nTolvan\t19121212-1212\r\n", "text")]
    [InlineData("brev.doc", "  <HTML><p>Hej</p></HTML>", "html")]
    public void Select_LegacyNameWithMarkupOrText_ReadAsWhatItIs(string name, string content, string expected)
    {
        var bytes = Encoding.UTF8.GetBytes(content);

        Assert.Equal(expected, ExtractionHelper.Select(name, bytes)?.Name);
    }

    [Fact]
    public void Extract_TabSeparatedExportNamedXls_PersonnummerFound()
    {
        var text = ExtractionHelper.SelectAndRun("elever.xls", Encoding.UTF8.GetBytes($"Namn\tPersonnummer\nTolvan\t{Pnr}\n"));

        Assert.Contains(Pnr, text.AllText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("trasig.xls", new byte[] { 0x00, 0x01, 0x02, 0x03, 0xFE, 0xFF, 0x00, 0x10 }, "no OLE2 signature")]
    [InlineData("trasig.ppt", new byte[] { 0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00 }, "no OLE2 signature")]
    public void Extract_LegacyNameWithoutAnySignature_CorruptWithReasonNotUnsupported(string name, byte[] bytes, string reason)
    {
        var result = ExtractionHelper.SelectAndResult(name, bytes);

        var corrupt = Assert.IsType<ExtractionResult.Corrupt>(result);
        Assert.Contains(reason, corrupt.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_EmptyFileNamedDoc_NoTextNotDamaged()
    {
        var text = Assert.IsType<ExtractionResult.Text>(ExtractionHelper.SelectAndResult("tom.doc", [])).Content;

        Assert.True(text.IsBlank);
        Assert.Contains(text.Notes, n => n.Contains("tom fil", StringComparison.Ordinal));
    }

    [Fact]
    public void Select_BitmapNamedXls_ImageForOcr()
    {
        var bmp = new byte[64];
        "BM"u8.CopyTo(bmp);
        BinaryPrimitives.WriteUInt32LittleEndian(bmp.AsSpan(2), 64);
        BinaryPrimitives.WriteUInt32LittleEndian(bmp.AsSpan(10), 54);
        BinaryPrimitives.WriteUInt32LittleEndian(bmp.AsSpan(14), 40);

        Assert.Equal("image", ExtractionHelper.Select("rapport.xls", bmp)?.Name);
    }

    [Fact]
    public void Select_BmLettersWithoutBitmapHeader_NotAnImage()
    {
        Assert.NotEqual("image", ExtractionHelper.Select("anteckning.txt", Encoding.ASCII.GetBytes("BM är initialerna i brevet"))?.Name);
    }

    // ---- damage ----

    public static TheoryData<string> DamageSeeds() => new() { "word2", "biff2", "biff4w" };

    [Theory]
    [MemberData(nameof(DamageSeeds))]
    public void Extract_RandomlyDamagedCopies_ResultNeverException(string seed)
    {
        var original = seed switch
        {
            "word2" => Word2File($"Personnummer {Pnr}\r", "Sidhuvud\r"),
            "biff2" => new Biff()
                .Record(0x0009, U16(0x0002), U16(0x0010))
                .Record(0x001E, Short("General"))
                .Record(0x0004, Cell2(0, 0), Short(Pnr))
                .Record(0x0006, Cell2(1, 1), [0, 0, 0, 0, 0, 0, 0xFF, 0xFF], U16(0), [0])
                .Record(0x0007, Short("Tolvansson"))
                .Record(0x001C, U16(0), U16(0), U16(4), Encoding.Latin1.GetBytes("note"))
                .Record(0x000A).Bytes(),
            _ => new Biff()
                .Record(0x0409, U16(0), U16(0x0100), U16(0))
                .Record(0x008F, U32(0), Short("Elever"))
                .Record(0x0409, U16(0), U16(0x0010), U16(0))
                .Record(0x0443, [0, 1], new byte[10])
                .Record(0x041E, U16(1), Short("0"))
                .Record(0x0204, Cell(0, 0, xf: 0), U16(13), Encoding.Latin1.GetBytes(Pnr))
                .Record(0x027E, Cell(0, 1, xf: 0), U32((42u << 2) | 0x02))
                .Record(0x000A)
                .Record(0x000A).Bytes(),
        };
        var random = new Random(seed.Length);
        var outcomes = new HashSet<string>(StringComparer.Ordinal);
        for (int round = 0; round < 300; round++)
        {
            var copy = (byte[])original.Clone();
            int changes = 1 + random.Next(6);
            for (int i = 0; i < changes; i++) copy[random.Next(copy.Length)] = (byte)random.Next(256);
            if (random.Next(4) == 0) copy = copy[..random.Next(copy.Length)];

            var result = ExtractionHelper.Result(LegacyStreamExtractor.Instance, copy);

            outcomes.Add(result.GetType().Name);
        }

        Assert.Contains(nameof(ExtractionResult.Text), outcomes); // most damage leaves a readable file
    }

    [Fact]
    public void ReadPpt95_RandomBytes_NeverThrowsAndStaysBounded()
    {
        var random = new Random(95);
        for (int round = 0; round < 200; round++)
        {
            var bytes = new byte[random.Next(4096)];
            random.NextBytes(bytes);
            for (int i = 0; i + 6 < bytes.Length; i += 1 + random.Next(64))
            {
                bytes[i] = 0x01;
                bytes[i + 1] = 0x00; // many record-shaped starts, most with impossible lengths
            }

            var c = new SegmentCollector(new ExtractionLimits(), CancellationToken.None);
            Ppt95Reader.Read(bytes, c);

            Assert.True(ExtractionHelper.WholeText(c.Result()).AllText().Length <= bytes.Length);
        }
    }

    // ---- the real files ----

    [SharedTheory]
    [InlineData("other/poi__word2.doc", "Member of 3GPP")] // Word 2.0
    [InlineData("other/edr__as3xls_BIFF2.xls", "you doing")] // Excel 2.x worksheet
    [InlineData("other/poi__testEXCEL_3.xls", "Lemons: Utilization of production")] // Excel 3.0
    [InlineData("other/poi__testEXCEL_4.xls", "Recommended Additional Tax")] // Excel 4.0
    [InlineData("other/edr__Test_git_issue_368_header.xls", "BIFF3-5")] // a bare BIFF worksheet stream mixing BIFF2 and BIFF3-5 records
    [InlineData("other/poi__pp40only.ppt", "COMMUNITY ORGANISATIONS")] // PowerPoint 95
    public void Extract_RealPreCompoundFile_Text(string relative, string expected)
    {
        var result = Corpus.RealCorpus.Result(relative);

        var text = Assert.IsType<ExtractionResult.Text>(result).Content;
        Assert.False(text.IsBlank, relative);
        Assert.Contains(expected, text.AllText(), StringComparison.Ordinal);
    }

    [SharedFact]
    public void Select_RealBitmapNamedXls_ImageForOcr()
    {
        var bytes = File.ReadAllBytes(Corpus.RealCorpus.PathOf("other/edr__TestFail_Binary.xls"));

        Assert.Equal("image", ExtractionHelper.Select("edr__TestFail_Binary.xls", bytes)?.Name);
    }

    private static byte[] Word2File(string body, string header)
    {
        const int FcMin = 0x180;
        var text = Encoding.Latin1.GetBytes(body + header);
        var file = new byte[FcMin + text.Length];
        BinaryPrimitives.WriteUInt16LittleEndian(file, 0xA5DB);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(2), 45);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(6), 0x041D); // Swedish
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(0x18), FcMin);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(0x1C), (uint)(FcMin + text.Length));
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(0x34), body.Length);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(0x3C), header.Length);
        text.CopyTo(file, FcMin);
        return file;
    }

    private static byte[] TextRecord(string text)
    {
        var bytes = Encoding.Latin1.GetBytes(text);
        var record = new byte[6 + bytes.Length];
        record[0] = 0x01;
        BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(2), (uint)bytes.Length);
        bytes.CopyTo(record, 6);
        return record;
    }

    private static byte[] U16(int value) => BitConverter.GetBytes((ushort)value);

    private static byte[] U32(uint value) => BitConverter.GetBytes(value);

    private static byte[] Short(string text) => [(byte)text.Length, .. Encoding.Latin1.GetBytes(text)];

    // BIFF2 cell header: row, column, three attribute bytes (the second holds the number format index).
    private static byte[] Cell2(int row, int column, int format = 0) => [.. U16(row), .. U16(column), 0, (byte)format, 0];

    // BIFF3+ cell header: row, column, XF index.
    private static byte[] Cell(int row, int column, int xf) => [.. U16(row), .. U16(column), .. U16(xf)];

    private sealed class Biff
    {
        private readonly MemoryStream stream = new();

        public Biff Record(ushort type, params byte[][] parts)
        {
            var body = parts.SelectMany(p => p).ToArray();
            stream.Write(U16(type));
            stream.Write(U16(body.Length));
            stream.Write(body);
            return this;
        }

        public byte[] Bytes() => stream.ToArray();
    }
}
