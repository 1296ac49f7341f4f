using ClassScan.Core.Documents;
using ClassScan.Extraction.Cfb;
using ClassScan.TestSupport.Documents;

namespace ClassScan.Extraction.Tests.Cfb;

public class CfbExtractorTests
{
    private static ExtractionResult Result(byte[] cfb) => ExtractionHelper.Result(CfbExtractor.Instance, cfb);

    [Theory]
    [InlineData("hemlig.docx")]
    [InlineData("hemlig.xlsx")]
    [InlineData("hemlig.pptx")]
    public void Extract_EncryptedOoxml_EncryptedWhateverTheExtension(string name)
    {
        var cfb = CompoundFileWriter.Create(("EncryptionInfo", new byte[200]), ("EncryptedPackage", new byte[5000]));

        var extractor = ExtractionHelper.Select(name, cfb);

        Assert.IsType<CfbExtractor>(extractor);
        var ex = Assert.IsType<ExtractionResult.Encrypted>(ExtractionHelper.Result(extractor!, cfb));
        Assert.Contains("encrypted OOXML", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_LegacyWordWithoutTableStream_Corrupt()
    {
        var ex = Assert.IsType<ExtractionResult.Corrupt>(Result(CompoundFileWriter.Create(("WordDocument", Fib(encrypted: false)))));
        Assert.Equal("damaged Word document: table stream missing", ex.Reason);
    }

    [Fact]
    public void Extract_LegacyWordWithEncryptedFlag_Encrypted()
    {
        Assert.IsType<ExtractionResult.Encrypted>(Result(CompoundFileWriter.Create(("WordDocument", Fib(encrypted: true)))));
    }

    [Fact]
    public void Extract_LegacyExcelWithFilePass_Encrypted()
    {
        // BOF (0x0809, 16 bytes) then FILEPASS (0x002F).
        byte[] biff = [0x09, 0x08, 0x10, 0x00, .. new byte[16], 0x2F, 0x00, 0x02, 0x00, 0x00, 0x00];

        Assert.IsType<ExtractionResult.Encrypted>(Result(CompoundFileWriter.Create(("Workbook", biff))));
    }

    [Fact]
    public void Extract_LegacyExcelWithoutSheetList_Corrupt()
    {
        // BOF, then an empty BOUNDSHEET and zeros: no sheet, no EOF. Readable workbooks: Excel/XlsExtractorTests.
        byte[] biff = [0x09, 0x08, 0x10, 0x00, .. new byte[16], 0x85, 0x00, 0x00, 0x00];

        Assert.IsType<ExtractionResult.Corrupt>(Result(CompoundFileWriter.Create(("Workbook", biff))));
    }

    [Fact]
    public void Extract_PowerPoint95_TextRecordsRead()
    {
        byte[] pp40 = [.. new byte[40], 0x01, 0x00, 0x14, 0x00, 0x00, 0x00, .. "Tolvan 19121212-1212"u8, .. new byte[40]];

        var text = Assert.IsType<ExtractionResult.Text>(Result(CompoundFileWriter.Create(("PP40", pp40)))).Content;

        Assert.Equal("Tolvan 19121212-1212", Assert.Single(text.Segments).Text.Trim());
    }

    [Fact]
    public void Extract_OutlookMessage_ReadAsMessage()
    {
        var subject = System.Text.Encoding.Unicode.GetBytes("Ämnesrad");

        var text = Assert.IsType<ExtractionResult.Text>(Result(CompoundFileWriter.Create(("__substg1.0_0037001F", subject)))).Content;

        Assert.Equal("Ämne: Ämnesrad", Assert.Single(text.Segments).Text);
    }

    [Fact]
    public void Extract_TruncatedOrLoopingFile_CorruptNotHang()
    {
        var cfb = CompoundFileWriter.Create(("WordDocument", Fib(false)));
        var looping = (byte[])cfb.Clone();
        // FAT entry of the directory sector (sector 1) pointing at itself: a chain loop.
        BitConverter.GetBytes(1u).CopyTo(looping, 512 + 4);

        Assert.IsType<ExtractionResult.Corrupt>(Result(cfb[..600]));
        Assert.IsType<ExtractionResult.Corrupt>(Result(looping));
    }

    private static byte[] Fib(bool encrypted)
    {
        var fib = new byte[64];
        fib[0] = 0xEC;
        fib[1] = 0xA5;
        fib[2] = 0xC1; // nFib of Word 97
        if (encrypted) fib[0x0B] = 0x01; // flags at 0x0A, fEncrypted = 0x0100
        return fib;
    }
}
