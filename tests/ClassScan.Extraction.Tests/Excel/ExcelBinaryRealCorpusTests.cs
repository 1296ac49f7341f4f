using ClassScan.Core.Documents;
using ClassScan.Extraction.Tests.Corpus;
using ClassScan.TestSupport;

namespace ClassScan.Extraction.Tests.Excel;

/// <summary>
/// Legacy and binary Excel files of ../shared/corpus/real (see its MANIFEST.tsv): what each one gives, and facts
/// about the text of a few.
/// </summary>
[Trait("Category", "Shared")]
public class ExcelBinaryRealCorpusTests
{
    // Every .xls/.xlsb of the corpus and how it must end. Excel 2.x-4.0 worksheets and a 235-byte bare BIFF stream
    // are no compound files and are read by the legacy stream reader; a bitmap named .xls is a page for OCR
    // ("no-text" here, where no OCR runs).
    public static TheoryData<string, string> Outcomes() => new()
    {
        { "other/docling__legacy_sample.xls", "ok" },
        { "other/edr__TestFail_Binary.xls", "no-text" },
        { "other/edr__Test_Issue_12556_corrupt.xls", "corrupt" },
        { "other/edr__Test_git_issue_242_std_rc4_pwd_password.xls", "encrypted" },
        { "other/edr__Test_git_issue_242_xor_pwd_password.xls", "encrypted" },
        { "other/edr__Test_git_issue_368_header.xls", "ok" },
        { "other/edr__Test_git_issue_382_oom.xls", "corrupt" },
        { "other/edr__Test_git_issue_467_empty_continue_leftoverbytes.xls", "ok" },
        { "other/edr__Test_git_issue_477_crypto_keylength40.xls", "encrypted" },
        { "other/edr__as3xls_BIFF2.xls", "ok" },
        { "other/edr__as3xls_BIFF5.xls", "ok" },
        { "other/markitdown__test.xls", "ok" },
        { "other/poi__35897-type4.xls", "encrypted" },
        { "other/poi__43493.xls", "ok" },
        { "other/poi__44958.xls", "ok" },
        { "other/poi__45290.xls", "ok" },
        { "other/poi__51832.xls", "encrypted" },
        { "other/poi__55982.xls", "ok" },
        { "other/poi__59074.xls", "ok" },
        { "other/poi__61300.xls", "corrupt" },
        { "other/poi__SampleSS.xls", "ok" },
        { "other/poi__WithChart.xls", "ok" },
        { "other/poi__clusterfuzz-testcase-minimized-POIHSSFFuzzer-5285517825277952.xls", "ok" },
        { "other/poi__clusterfuzz-testcase-minimized-POIHSSFFuzzer-5436547081830400.xls", "ok" },
        { "other/poi__password.xls", "encrypted" },
        { "other/poi__poi-fuzz.xls", "ok" },
        { "other/poi__testEXCEL_3.xls", "ok" },
        { "other/poi__testEXCEL_4.xls", "ok" },
        { "other/poi__testEXCEL_5.xls", "ok" },
        { "other/poi__xor-encryption-abc.xls", "encrypted" },
        { "other/tika__testEXCEL.xls", "ok" },
        { "other/tika__testEXCEL_95.xls", "ok" }, // an empty sheet: only its name
        { "other/tika__testEXCEL_phonetic.xls", "ok" },
        { "other/tika__testEXCEL_protected_passtika.xls", "encrypted" },
        { "other/unstructured__tests-example.xls", "ok" },
        { "other/edr__TestUnicodeChars.xlsb", "ok" },
        { "other/edr__agile_AES256_SHA512_CBC_pwd_password.xlsb", "encrypted" },
        { "other/poi__Simple.xlsb", "ok" },
        { "other/poi__protected_passtika.xlsb", "encrypted" },
        { "other/poi__testVarious.xlsb", "ok" },
    };

    [SharedTheory]
    [MemberData(nameof(Outcomes))]
    public void Extract_RealExcelBinaryFile_ExpectedOutcome(string file, string expected)
    {
        var outcome = RealCorpus.Run(RealCorpus.PathOf(file), TimeSpan.FromSeconds(60));

        Assert.Equal(expected, outcome.Kind);
    }

    [SharedFact]
    public void Extract_EveryRealExcelBinaryFile_InTheTable()
    {
        var listed = Outcomes().Select(row => (string)row[0]).ToHashSet(StringComparer.Ordinal);
        var files = Directory.GetFiles(Path.Combine(RealCorpus.Root, "other"))
            .Where(f => f.EndsWith(".xls", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".xlsb", StringComparison.OrdinalIgnoreCase))
            .Select(f => "other/" + Path.GetFileName(f));

        Assert.DoesNotContain(files, f => !listed.Contains(f));
    }

    [SharedTheory]
    [InlineData("other/poi__61300.xls")]
    [InlineData("other/edr__Test_git_issue_382_oom.xls")]
    public void Extract_DamagedXls_CorruptWithShortReason(string file)
    {
        var reason = Assert.IsType<ExtractionResult.Corrupt>(RealCorpus.Result(file)).Reason;

        Assert.InRange(reason.Length, 10, 80);
    }

    [SharedFact]
    public void Extract_MacExcelWorkbook_NumbersAndSquares()
    {
        var text = RealCorpus.Extract("other/tika__testEXCEL.xls");

        Assert.Equal(["Feuil1", "Feuil2", "Feuil3"], text.OfKind(SegmentKind.SheetName).Select(s => s.Text));
        var cells = Assert.Single(text.OfKind(SegmentKind.Cell)).Text;
        Assert.StartsWith("Sample Excel Worksheet - Numbers and their Squares\nNumber\tSquare\n1\t1\n", cells, StringComparison.Ordinal);
        Assert.Contains("\n15\t225\n", cells, StringComparison.Ordinal);
    }

    [SharedFact]
    public void Extract_Excel95Workbook_LabelsAndDates()
    {
        var cells = Assert.Single(RealCorpus.Extract("other/edr__as3xls_BIFF5.xls").OfKind(SegmentKind.Cell), s => s.Location == "blad 'Sheet1'").Text;

        Assert.StartsWith("1\tHi\t10.22\t", cells, StringComparison.Ordinal);
        Assert.Contains("\n2\tHow\t2007-02-22\t", cells, StringComparison.Ordinal);
    }

    [SharedFact]
    public void Extract_PhoneticStrings_TextWithoutPhoneticBlocks()
    {
        var cells = Assert.Single(RealCorpus.Extract("other/tika__testEXCEL_phonetic.xls").OfKind(SegmentKind.Cell)).Text;

        Assert.Contains("1\t豊田\t豊田車会社\t", cells, StringComparison.Ordinal);
    }

    [SharedFact]
    public void Extract_VariousXlsb_ValuesHeadersComments()
    {
        var text = RealCorpus.Extract("other/poi__testVarious.xlsb");

        var cells = text.OfKind(SegmentKind.Cell).First().Text;
        Assert.Contains("String\tThis is a string\n", cells, StringComparison.Ordinal);
        Assert.Contains("long int\t123456789012345\n", cells, StringComparison.Ordinal);
        Assert.Contains("date\t2017-03-09\n", cells, StringComparison.Ordinal);
        Assert.StartsWith("OddLeftHeader OddCenterHeader OddRightHeader", text.OfKind(SegmentKind.Header).First().Text, StringComparison.Ordinal);
        Assert.Contains("test comment", text.OfKind(SegmentKind.Comment).First().Text, StringComparison.Ordinal);
    }

    [SharedFact]
    public void Extract_XlsbWithWiderSheetRecord_SheetNamesAndText()
    {
        // Its BrtBundleSh records carry 4 bytes more before the strings than [MS-XLSB] says.
        var text = RealCorpus.Extract("other/poi__Simple.xlsb");

        Assert.Equal(["Sheet1", "Sheet2", "Sheet3"], text.OfKind(SegmentKind.SheetName).Select(s => s.Text));
        Assert.StartsWith("This is an example spreadsheet", Assert.Single(text.OfKind(SegmentKind.Cell)).Text, StringComparison.Ordinal);
        Assert.StartsWith("Titel: Example document\nÄmne: testing document extractors\n", Assert.Single(text.OfKind(SegmentKind.Metadata)).Text, StringComparison.Ordinal);
    }
}
