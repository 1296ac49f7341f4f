using ClassScan.Extraction.Cfb;
using ClassScan.Extraction.Mail;
using ClassScan.Extraction.OpenXml;
using ClassScan.Extraction.Pdf;
using ClassScan.Extraction.Text;
using ClassScan.TestSupport.Documents;

namespace ClassScan.Extraction.Tests;

public class ExtractorSelectorTests
{
    private static readonly byte[] Docx = TestDocuments.Docx("Hej");
    private static readonly byte[] Xlsx = TestDocuments.Xlsx(["a"]);
    private static readonly byte[] Pptx = TestDocuments.Pptx("Bild");
    private static readonly byte[] Pdf = TestDocuments.Pdf("Sida");

    [Theory]
    [InlineData("a.docx", typeof(WordExtractor))]
    [InlineData("a.DOCM", typeof(WordExtractor))]
    [InlineData("a.dotx", typeof(WordExtractor))]
    [InlineData("a.xlsx", typeof(ExcelExtractor))]
    [InlineData("a.xlsm", typeof(ExcelExtractor))]
    [InlineData("a.pptx", typeof(PowerPointExtractor))]
    [InlineData("a.pptm", typeof(PowerPointExtractor))]
    public void Select_ZipWithOfficeExtension_ChoosesByExtension(string name, Type expected)
    {
        Assert.IsType(expected, ExtractionHelper.Select(name, Docx));
    }

    [Theory]
    [InlineData("word")]
    [InlineData("excel")]
    [InlineData("powerpoint")]
    public void Select_MisnamedPackage_ChoosesByEntryNames(string kind)
    {
        var (bytes, expected) = kind switch
        {
            "word" => (Docx, typeof(WordExtractor)),
            "excel" => (Xlsx, typeof(ExcelExtractor)),
            _ => (Pptx, typeof(PowerPointExtractor)),
        };
        var extractor = ExtractionHelper.Select("saved-as-legacy.doc", bytes);
        Assert.NotNull(extractor);
        // Either decided from the local headers in the head, or deferred to the auto extractor: both must read it.
        Assert.True(extractor!.GetType() == expected || extractor is OoxmlAutoExtractor, extractor.GetType().Name);
        Assert.Contains(kind == "word" ? "Hej" : kind == "excel" ? "a" : "Bild", ExtractionHelper.Run(extractor, bytes).AllText());
    }

    [Fact]
    public void Select_PdfMagicWithLeadingJunk_ChoosesPdf()
    {
        byte[] withJunk = [.. new byte[700], .. Pdf];
        Assert.IsType<PdfExtractor>(ExtractionHelper.Select("scan.bin", withJunk));
        Assert.Contains("Sida", ExtractionHelper.Run(PdfExtractor.Instance, withJunk).AllText());
    }

    [Fact]
    public void Select_PdfMagicWithTxtExtension_MagicWins()
    {
        Assert.IsType<PdfExtractor>(ExtractionHelper.Select("notes.txt", Pdf));
    }

    [Fact]
    public void Select_CompoundFile_ChoosesCfbWhateverTheExtension()
    {
        var cfb = CompoundFileWriter.Create(("WordDocument", new byte[64]));
        Assert.IsType<CfbExtractor>(ExtractionHelper.Select("a.docx", cfb));
        Assert.IsType<CfbExtractor>(ExtractionHelper.Select("a.doc", cfb));
        Assert.IsType<CfbExtractor>(ExtractionHelper.Select("a", cfb));
    }

    [Theory]
    [InlineData("a.txt", typeof(PlainTextExtractor))]
    [InlineData("a.csv", typeof(PlainTextExtractor))]
    [InlineData("a.tsv", typeof(PlainTextExtractor))]
    [InlineData("a.md", typeof(PlainTextExtractor))]
    [InlineData("a.json", typeof(PlainTextExtractor))]
    [InlineData("a.log", typeof(PlainTextExtractor))]
    [InlineData("a.xml", typeof(XmlTextExtractor))]
    [InlineData("a.html", typeof(HtmlExtractor))]
    [InlineData("a.HTM", typeof(HtmlExtractor))]
    [InlineData("a.eml", typeof(EmlExtractor))]
    public void Select_TextExtension_ChoosesTextExtractor(string name, Type expected)
    {
        Assert.IsType(expected, ExtractionHelper.Select(name, "hej"u8.ToArray()));
    }

    [Theory]
    [InlineData("program.jar")]
    [InlineData("utan-filändelse")]
    public void Select_UnsupportedFormat_ReturnsNull(string name)
    {
        byte[] content = name.EndsWith(".jar", StringComparison.Ordinal)
            ? Docx
            : [0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07];
        Assert.Null(ExtractionHelper.Select(name, content));
    }

    private static readonly byte[] PngHead = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Images go to OCR as one page: by their signature whatever the name, by the extension when damaged.</summary>
    [Theory]
    [InlineData("skanning.png", "png")]
    [InlineData("utan-filändelse", "png")]
    [InlineData("foto.JPG", "jpeg")]
    [InlineData("fax.tif", "tiff-le")]
    [InlineData("fax.tiff", "tiff-be")]
    [InlineData("bild.bmp", "bmp")]
    [InlineData("trasig.jpeg", "none")]
    public void Select_Image_ChoosesImageExtractor(string name, string signature)
    {
        byte[] head = signature switch
        {
            "png" => PngHead,
            "jpeg" => [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10],
            "tiff-le" => "II*\0xxxx"u8.ToArray(),
            "tiff-be" => "MM\0*xxxx"u8.ToArray(),
            "bmp" => "BMxxxxxx"u8.ToArray(),
            _ => "not an image"u8.ToArray(),
        };
        Assert.IsType<ClassScan.Extraction.Image.ImageExtractor>(ExtractionHelper.Select(name, head));
    }

    [Theory]
    [InlineData("BM-protokoll.txt")] // "BM" alone picks nothing: a text file may start with it
    [InlineData("utan-filändelse")]
    public void Select_WeakBmpSignatureWithoutBmpExtension_NotAnImage(string name)
    {
        Assert.IsNotType<ClassScan.Extraction.Image.ImageExtractor>(ExtractionHelper.Select(name, "BM protokoll"u8.ToArray()));
    }

    [Theory]
    [InlineData("arkiv.zip", "zip")]
    [InlineData("ARKIV.ZIP", "zip")]
    [InlineData("utan-filändelse", "zip")]
    [InlineData("felnamn.pdf", "zip")]
    [InlineData("a.7z", "7z")]
    [InlineData("okänd", "7z")]
    [InlineData("a.gz", "gz")]
    [InlineData("a.tgz", "gz")]
    [InlineData("a.tar", "tar")]
    [InlineData("okänd", "tar")]
    public void Select_Archive_ChoosesTheArchiveExtractorByMagic(string name, string format)
    {
        byte[] content = format switch
        {
            "zip" => TestArchives.Zip(("a.txt", "hej"u8.ToArray())),
            "7z" => [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C, 0, 4],
            "gz" => TestArchives.GZip("hej"u8.ToArray()),
            _ => TestArchives.Tar(("a.txt", "hej"u8.ToArray())),
        };
        Assert.IsType<ClassScan.Extraction.Archive.ArchiveExtractor>(ExtractionHelper.Select(name, content));
    }

    [Theory]
    [InlineData("a.docx")]
    [InlineData("utan-filändelse")]
    [InlineData("arkiv.jar")]
    [InlineData("a.xlsb")]
    public void Select_ZipThatIsAnotherFormat_NotTheArchiveExtractor(string name)
    {
        Assert.IsNotType<ClassScan.Extraction.Archive.ArchiveExtractor>(ExtractionHelper.Select(name, Docx));
    }

    [Fact]
    public void Select_OfficeExtensionWithoutSignature_ChoosesThatFormatSoItReportsCorrupt()
    {
        Assert.IsType<WordExtractor>(ExtractionHelper.Select("a.docx", "not a zip"u8.ToArray()));
        Assert.IsType<PdfExtractor>(ExtractionHelper.Select("a.pdf", []));
    }

    [Fact]
    public void Select_EmptyHead_DoesNotThrow()
    {
        Assert.IsType<PlainTextExtractor>(ExtractionHelper.Select("tom.txt", []));
        Assert.Null(ExtractionHelper.Select("tom.bin", []));
    }

    [Fact]
    public void LocalEntryNames_SmallPackage_ListsPartsAndIsComplete()
    {
        var (names, complete) = ExtractorSelector.LocalEntryNames(TestDocuments.Docx("x"));
        Assert.Contains(names, n => n.StartsWith("word/", StringComparison.Ordinal));
        Assert.True(complete || names.Count > 0);
    }
}
