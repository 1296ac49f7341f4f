using ClassScan.Extraction.Pdf;
using ClassScan.Extraction.Tests.Corpus;
using ClassScan.TestSupport;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace ClassScan.Extraction.Tests.Pdf;

/// <summary>
/// The text-only page factory must give, page for page, the text PdfPig's full page gives through its
/// content-order extractor (what PdfExtractor used before): same characters, spaces and line breaks. Real files
/// chosen for what the factory re-implements: vertical and CJK (Type 0) fonts, Type 3 fonts, rotated pages,
/// right-to-left text, form XObjects, tables, custom encodings and a Swedish government document.
/// </summary>
[Trait("Category", "Shared")]
public class TextOnlyPageFactoryTests
{
    [SharedTheory]
    [InlineData("pdf/pdfminer__issue-449-vertical.pdf")]
    [InlineData("pdf/pdfpig__Type0_CJK_Font.pdf")]
    [InlineData("pdf/pdfpig__Grapheme_clusters_emoji.pdf")]
    [InlineData("pdf/pdfplumber__nics-background-checks-2015-11-rotated.pdf")]
    [InlineData("pdf/docling__right_to_left_01.pdf")]
    [InlineData("pdf/unstructured__korean-text-with-tables.pdf")]
    [InlineData("pdf/pdfpig__Motor_Insurance_claim_form.pdf")]
    [InlineData("pdf/ferenda__pdfreader_custom-encoding.pdf")]
    [InlineData("pdf/pdfjs__TAMReview.pdf")]
    [InlineData("pdf/ferenda__dirregeringen_2016_15_dir.-201615-dataskyddsforordningen.pdf")]
    public void GetPage_RealFile_SameTextAsPdfPigFullPage(string file)
    {
        var bytes = File.ReadAllBytes(RealCorpus.PathOf(file));
        var options = new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true, ClipPaths = false };
        using var full = PdfDocument.Open(bytes, options);
        using var textOnly = PdfDocument.Open(bytes, options);
        textOnly.AddPageFactory<PdfTextPage, TextOnlyPageFactory>();

        int compared = 0;
        for (int i = 1; i <= full.NumberOfPages; i++)
        {
            string expected;
            try
            {
                expected = ContentOrderTextExtractor.GetText(full.GetPage(i));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A page PdfPig cannot read must fail the text-only way too (PdfExtractor counts it as failed).
                Assert.ThrowsAny<Exception>(() => textOnly.GetPage<PdfTextPage>(i));
                continue;
            }
            Assert.Equal(expected, textOnly.GetPage<PdfTextPage>(i).Text);
            compared++;
        }
        Assert.True(compared > 0, "no page was compared");
    }

    [SharedFact]
    public void GetPage_DamagedTextArray_StringsKeptWherePdfPigDropsIt()
    {
        // Tika's "bad page" file: page 2's stream is damaged inside a TJ array. PdfPig's parser drops the whole
        // operation; the text-only parser shows its strings, so that page gains the "§1308.32" it prints, and every
        // other page is PdfPig's text exactly.
        var bytes = File.ReadAllBytes(RealCorpus.PathOf("pdf/tika__testPDF_bad_page_303226.pdf"));
        var options = new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true, ClipPaths = false };
        using var full = PdfDocument.Open(bytes, options);
        using var textOnly = PdfDocument.Open(bytes, options);
        textOnly.AddPageFactory<PdfTextPage, TextOnlyPageFactory>();
        for (int i = 1; i <= full.NumberOfPages; i++)
        {
            var expected = ContentOrderTextExtractor.GetText(full.GetPage(i));
            var actual = textOnly.GetPage<PdfTextPage>(i).Text;
            if (i == 2) Assert.Equal(expected.Replace("chp te.E\n", "chp te.E§1308.32\n", StringComparison.Ordinal), actual);
            else Assert.Equal(expected, actual);
        }
    }
}
