using ClassScan.Core.Documents;
using ClassScan.TestSupport;

namespace ClassScan.Extraction.Tests.Corpus;

/// <summary>
/// The archives of ../shared/corpus/real read as containers: quines end at the depth limit, encrypted entries are
/// encrypted, zip-slip and absolute names are plain names, an Implode-compressed zip (moby) is inflated. Entries of
/// formats other helpers may come to read (.doc, .odt) are not pinned here.
/// </summary>
[Trait("Category", "Shared")]
public class RealCorpusArchiveTests
{
    private static ExtractionResult.Container Container(string file) =>
        Assert.IsType<ExtractionResult.Container>(RealCorpus.Result("other/" + file));

    [SharedTheory]
    [InlineData("ferenda__dv_source_referat-notis.zip", "HFD_2012_notis_017-044.docx", "text")]
    [InlineData("markitdown__test_files.zip", "test.docx", "text")]
    [InlineData("markitdown__test_files.zip", "test.pptx", "text")]
    [InlineData("markitdown__test_files.zip", "test.xlsx", "text")]
    [InlineData("markitdown__test_files.zip", "test.jpg", "text")]
    [InlineData("poi__dcterms_bug_56479.zip", "docProps/core.xml", "text")]
    [InlineData("tika__droste.zip", "droste.zip!/droste.zip!/droste.zip!/droste.zip", "MaxNestingDepth")]
    [InlineData("tika__test-documents.zip", "testPDF.pdf", "text")]
    [InlineData("tika__test-documents.zip", "testTXT.txt", "text")]
    [InlineData("tika__test-zip-of-zip.zip", "html-within-zip.zip!/text.html", "text")]
    [InlineData("tika__test7Z_protected_passTika.7z", "text.txt", "encrypted")]
    [InlineData("tika__testTika4424.zip", "LO455_26eb80d3.csv", "text")]
    [InlineData("tika__testZipEncrypted.zip", "unencrypted.txt", "text")]
    [InlineData("tika__testZipEncrypted.zip", "encrypted.txt", "encrypted")]
    [InlineData("tika__testZip_absolutePath.zip", "dangerous/dont/touch.pl", "unsupported")]
    [InlineData("tika__testZip_overlappingNames.zip", "f1.txt", "text")]
    [InlineData("tika__testZip_zeroByte.zip", "dangerous.pl", "unsupported")]
    [InlineData("tika__moby.zip", "moby.0", "unsupported")]
    [InlineData("unstructured__simple.zip", "stanley-cups.csv", "text")]
    [InlineData("unstructured__simple.zip", "ideas-page.html", "text")]
    public void Extract_RealArchive_EntryHasItsOutcome(string file, string entry, string expected)
    {
        var result = Container(file);

        var matching = result.Entries.Where(e => e.Path == entry).ToList();
        Assert.NotEmpty(matching);
        Assert.All(matching, e => Assert.Equal(expected, Kind(e.Result)));
    }

    [SharedFact]
    public void Extract_GzipQuine_EndsAtTheDepthLimit()
    {
        var entry = Assert.Single(Container("tika__quine.gz").Entries);

        Assert.Equal(nameof(ExtractionLimits.MaxNestingDepth), Assert.IsType<ExtractionResult.LimitReached>(entry.Result).LimitName);
    }

    [SharedTheory]
    [InlineData("tika__testZipEntryNameCharsetShiftSJIS.zip", 2)]
    [InlineData("tika__gbk.zip", 1)]
    public void Extract_NamesNotInUtf8_EntriesStillListedAndRead(string file, int count)
    {
        var result = Container(file);

        Assert.Equal(count, result.Entries.Count);
        Assert.All(result.Entries, e => Assert.True(e.Result is ExtractionResult.Text or ExtractionResult.Unsupported, e.Result.ToString()));
    }

    [SharedFact]
    public void Extract_ImplodedZip_EveryEntryInflated()
    {
        var result = Container("tika__moby.zip");

        Assert.True(result.Entries.Count > 100);
        Assert.DoesNotContain(result.Entries, e => e.Result is ExtractionResult.Corrupt);
    }

    private static string Kind(ExtractionResult result) => result switch
    {
        ExtractionResult.Text => "text",
        ExtractionResult.Encrypted => "encrypted",
        ExtractionResult.Unsupported => "unsupported",
        ExtractionResult.LimitReached(var limit, _) => limit,
        _ => result.GetType().Name,
    };
}
