using System.Text;
using ClassScan.Core.Documents;
using ClassScan.Extraction.Biff;
using ClassScan.Extraction.Cfb;
using ClassScan.Extraction.Epub;
using ClassScan.Extraction.OpenDocument;
using ClassScan.Extraction.OpenXml;
using ClassScan.Extraction.Pdf;
using ClassScan.Extraction.Rtf;
using ClassScan.Extraction.Tests.OpenDocument;
using ClassScan.Extraction.Text;
using ClassScan.TestSupport.Documents;

namespace ClassScan.Extraction.Tests;

/// <summary>The <see cref="ITextExtractor"/> contract, run against every implementation.</summary>
public class ExtractorContractTests
{
    public static TheoryData<string> Extractors() => ["word", "excel", "powerpoint", "ooxml", "pdf", "text", "xml", "html", "eml", "cfb", "msg",
        "rtf", "opendocument", "epub", "xls", "xlsb", "archive"];

    private static (ITextExtractor Extractor, byte[] Valid) Get(string name) => name switch
    {
        "word" => (WordExtractor.Instance, TestDocuments.Docx("hej")),
        "excel" => (ExcelExtractor.Instance, TestDocuments.Xlsx(["hej"])),
        "powerpoint" => (PowerPointExtractor.Instance, TestDocuments.Pptx("hej")),
        "ooxml" => (OoxmlAutoExtractor.Instance, TestDocuments.Docx("hej")),
        "pdf" => (PdfExtractor.Instance, TestDocuments.Pdf("hej")),
        "text" => (PlainTextExtractor.Instance, "hej"u8.ToArray()),
        "xml" => (XmlTextExtractor.Instance, "<a>hej</a>"u8.ToArray()),
        "html" => (HtmlExtractor.Instance, "<p>hej</p>"u8.ToArray()),
        "eml" => (ExtractorSelector.Default.Select("a.eml", [])!, TestDocuments.Eml("hej", "hej")),
        "cfb" => (CfbExtractor.Instance, CompoundFileWriter.Create(("EncryptionInfo", new byte[8]))),
        "msg" => (ExtractorSelector.Default.Select("a.msg", CompoundFile.Signature)!, new MsgBuilder().Subject("hej").Text("hej").Build()),
        "rtf" => (RtfExtractor.Instance, "{\\rtf1\\ansi hej}"u8.ToArray()),
        "opendocument" => (OpenDocumentExtractor.Instance, OcfZip.Content(OcfZip.Odt, "<office:text><text:p>hej</text:p></office:text>")),
        "epub" => (EpubExtractor.Instance, OcfZip.Create(OcfZip.Epub, ("a.xhtml", "<p>hej</p>"))),
        "xls" => (CfbExtractor.Instance, new Excel.XlsBuilder().Sheet("Blad1", Excel.XlsBuilder.Label(0, 0, "hej")).Build()),
        "xlsb" => (XlsbExtractor.Instance, new Excel.XlsbBuilder().Sheet("Blad1", Excel.XlsbBuilder.Row(0),
            Excel.XlsbBuilder.Record(6, Excel.XlsbBuilder.Cell(0), Excel.XlsbBuilder.WideString("hej"))).Build()),
        "archive" => (ExtractorSelector.Default.Select("a.zip", TestArchives.Zip())!, TestArchives.Zip(("a.txt", "hej"u8.ToArray()))),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Extractors))]
    public void Extract_EmptyInput_BlankOrKnownResult(string name)
    {
        var result = AssertOnlyKnownFailures(name, []);

        // An empty file holds no text: it reads as blank text, or as a damaged or unsupported file; never as text
        // (an extractor inventing content) and never as encrypted (there is nothing to be locked).
        switch (result)
        {
            case ExtractionResult.Text(var text):
                Assert.True(string.IsNullOrWhiteSpace(text.AllText()), $"{name}: text from an empty file");
                break;
            default:
                Assert.True(result is ExtractionResult.Corrupt or ExtractionResult.Unsupported, $"{name}: {result}");
                break;
        }
    }

    [Theory]
    [MemberData(nameof(Extractors))]
    public void Extract_Garbage_TextOrKnownResult(string name)
    {
        var random = new Random(42);
        var garbage = new byte[4096];
        random.NextBytes(garbage);
        AssertOnlyKnownFailures(name, garbage);
    }

    [Theory]
    [MemberData(nameof(Extractors))]
    public void Extract_TruncatedValidFile_KnownOutcome(string name)
    {
        var (_, valid) = Get(name);
        AssertOnlyKnownFailures(name, valid[..(valid.Length * 2 / 3)]);
    }

    [Theory]
    [MemberData(nameof(Extractors))]
    public void Extract_ValidFile_NameStableAndTextOrKnownResult(string name)
    {
        var (extractor, valid) = Get(name);

        Assert.False(string.IsNullOrWhiteSpace(extractor.Name));
        if (name == "cfb")
        {
            Assert.IsType<ExtractionResult.Encrypted>(ExtractionHelper.Result(extractor, valid));
            return;
        }
        var text = ExtractionHelper.Result(extractor, valid) is ExtractionResult.Container archive
            ? ExtractionHelper.WholeText(Assert.Single(archive.Entries).Result)
            : ExtractionHelper.Run(extractor, valid);
        Assert.Contains("hej", text.AllText(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Extractors))]
    public void Extract_Cancelled_ThrowsOperationCanceledOrFinishesQuickly(string name)
    {
        var (extractor, valid) = Get(name);
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        var ex = Record.Exception(() => ExtractionHelper.Result(extractor, valid, ct: cts.Token));

        // Tiny inputs may finish before the first check; anything else must be a cancellation, the one exception
        // an extractor throws for a file (cfb's verdict is a result like any other).
        Assert.True(ex is null or OperationCanceledException, ex?.GetType().Name);
    }

    [Theory]
    [MemberData(nameof(Extractors))]
    public void Extract_ConcurrentCalls_SameResult(string name)
    {
        var (extractor, valid) = Get(name);
        string Run() => ExtractionHelper.Result(extractor, valid) switch
        {
            ExtractionResult.Text(var text) => text.AllText(),
            ExtractionResult.Container archive => string.Join("|", archive.Entries.Select(e => $"{e.Path}={e.Result.TextRead?.AllText() ?? e.Result.ToString()}")),
            var other => other.ToString(),
        };
        var expected = Run();

        var results = Enumerable.Range(0, 8).AsParallel().Select(_ => Run()).ToList();

        Assert.All(results, r => Assert.Equal(expected, r));
    }

    private static ExtractionResult AssertOnlyKnownFailures(string name, byte[] input)
    {
        var (extractor, _) = Get(name);
        // No exception at all: damaged input is a result, and only these results (an archive's entries are held to the same).
        var result = ExtractionHelper.Result(extractor, input);
        static bool Known(ExtractionResult r) => r is ExtractionResult.Text or ExtractionResult.Corrupt or ExtractionResult.Unsupported or ExtractionResult.Encrypted;
        Assert.True(Known(result) || result is ExtractionResult.Container c && c.Entries.All(e => Known(e.Result)), $"{name}: {result}");
        return result;
    }
}
