using ClassScan.Core.Documents;
using ClassScan.TestSupport;

namespace ClassScan.Extraction.Tests.Corpus;

/// <summary>Facts about specific real-world files (see ../shared/corpus/real/MANIFEST.tsv); not exact text.</summary>
[Trait("Category", "Shared")]
public class RealCorpusGoldenTests
{
    [SharedFact]
    public void Extract_SwedishCourtRulingDocx_SwedishTextInTable()
    {
        var text = RealCorpus.Extract("docx/ferenda__dv_HDO_T3592-13.docx");

        var all = text.AllText();
        Assert.Contains("Högsta domstolen", all, StringComparison.Ordinal);
        Assert.Contains("diskrimineringslagen (2008:567)", all, StringComparison.Ordinal);
        Assert.Contains(text.Segments, s => s.Kind == SegmentKind.Table && s.Location == "tabell 1");
    }

    [SharedFact]
    public void Extract_DocxWithTextBoxes_TextBoxSegments()
    {
        var text = RealCorpus.Extract("docx/docling__textbox.docx");

        Assert.True(text.OfKind(SegmentKind.TextBox).Count() >= 10);
        Assert.Contains(text.OfKind(SegmentKind.TextBox), s => s.Text.Contains("Student falls ill", StringComparison.Ordinal));
    }

    [SharedFact]
    public void Extract_MislabeledDocxAsDoc_ReadAsWord()
    {
        var bytes = File.ReadAllBytes(RealCorpus.PathOf("other/ferenda__wordreader_mislabeled.doc"));

        Assert.Equal("openxml-word", ExtractionHelper.Select("ferenda__wordreader_mislabeled.doc", bytes)?.Name);
        Assert.False(RealCorpus.Extract("other/ferenda__wordreader_mislabeled.doc").IsBlank);
    }

    [SharedFact]
    public void Extract_StaffListXlsx_NumbersAndSheetNames()
    {
        var text = RealCorpus.Extract("xlsx/poi__52716.xlsx");

        Assert.Equal(["Tabelle1", "Tabelle2", "Tabelle3"], text.OfKind(SegmentKind.SheetName).Select(s => s.Text).Take(3));
        var cells = text.OfKind(SegmentKind.Cell).First();
        Assert.Equal("blad 'Tabelle1'", cells.Location);
        Assert.StartsWith("ID\tTitel\tVorname\tNachname", cells.Text, StringComparison.Ordinal);
        Assert.Contains("\n19551\t", cells.Text, StringComparison.Ordinal);
    }

    [SharedFact]
    public void Extract_PptxWithNotes_NotesPerSlide()
    {
        var text = RealCorpus.Extract("pptx/docling__powerpoint_sample.pptx");

        Assert.Equal("Some notes on the second slide.", Assert.Single(text.OfKind(SegmentKind.Notes), s => s.Location == "bild 2 anteckningar").Text);
        Assert.Contains(text.Segments, s => s.Location == "bild 2" && s.Text.StartsWith("Second slide title", StringComparison.Ordinal));
    }

    [SharedFact]
    public void Extract_PptxWithComments_CommentSegments()
    {
        var text = RealCorpus.Extract("pptx/docling__powerpoint_comments.pptx");

        Assert.Contains(text.OfKind(SegmentKind.Comment), s => s.Location == "bild 1 kommentar" && s.Text.Contains("sample reviewer comment", StringComparison.Ordinal));
    }

    [SharedFact]
    public void Extract_SwedishDirectivePdf_PagesInSwedish()
    {
        var text = RealCorpus.Extract("pdf/ferenda__dirregeringen_2016_15_dir.-201615-dataskyddsforordningen.pdf");

        Assert.Contains("Dataskyddsförordningen", Assert.Single(text.Segments, s => s.Location == "sida 1").Text, StringComparison.Ordinal);
        Assert.Equal(0, text.PagesWithoutText);
        Assert.True(text.PageCount > 5);
    }

    [SharedFact]
    public void Extract_ScannedGovernmentBill_AllPagesWithoutText()
    {
        var text = RealCorpus.Extract("pdf/ferenda__propregeringen_source_1b5df88d.PDF");

        Assert.Equal(text.PageCount, text.PagesWithoutText);
        Assert.Contains(text.Notes, n => n.EndsWith("sidor saknar textlager (skannade?)", StringComparison.Ordinal));
    }

    [SharedTheory]
    [InlineData("xlsx/edr__agile_AES128_SHA1_CBC_pwd_password.xlsx")]
    [InlineData("docx/tika__testWORD_protected_passtika.docx")]
    [InlineData("pptx/oxsdk__encrypted_pptx.pptx")]
    [InlineData("pdf/pdfminer__aes-256-r6.pdf")]
    [InlineData("pdf/pypdf__r2-user-password.pdf")]
    [InlineData("other/poi__PasswordProtected.doc")]
    [InlineData("other/poi__password.xls")]
    [InlineData("other/tika__testPPT_protected_passtika.ppt")]
    [InlineData("other/unstructured__fake-encrypted.eml")]
    public void Extract_PasswordProtected_Encrypted(string file)
    {
        Assert.IsType<ExtractionResult.Encrypted>(RealCorpus.Result(file));
    }

    [SharedTheory]
    [InlineData("pdf/pypdf__r6-empty-password.pdf")]
    [InlineData("pdf/qpdf__enc-R2_V1.pdf")]
    [InlineData("pdf/tika__testPDF_protected.pdf")]
    public void Extract_PdfWithEmptyUserPassword_Opens(string file)
    {
        Assert.False(RealCorpus.Extract(file).IsBlank);
    }

    [SharedTheory]
    [InlineData("other/tika__testWORD.doc")]
    [InlineData("other/tika__testEXCEL.xls")]
    [InlineData("other/tika__testPPT.ppt")]
    [InlineData("other/tika__testMSG.msg")]
    public void Extract_LegacyOffice_ReadsText(string file)
    {
        Assert.False(Assert.IsType<ExtractionResult.Text>(RealCorpus.Result(file)).Content.IsBlank);
    }

    [SharedTheory]
    [InlineData("pdf/pdfminer__issue-1113-evil-xobjects.pdf")]
    [InlineData("pdf/pdfjs__REDHAT-1531897-0.pdf")]
    [InlineData("pdf/pdfjs__poppler-91414-0-54.pdf")]
    [InlineData("docx/poi__ExternalEntityInText.docx")]
    [InlineData("xlsx/poi__poc-xmlbomb.xlsx")]
    [InlineData("docx/tika__testWORD_truncated.docx")]
    public void Extract_HostileOrBroken_CorruptNotCrash(string file)
    {
        Assert.IsType<ExtractionResult.Corrupt>(RealCorpus.Result(file));
    }

    [SharedFact]
    public void Extract_SharedStringsBomb_HitsTextLimit()
    {
        var ex = Assert.IsType<ExtractionResult.PartialText>(RealCorpus.Result("xlsx/poi__poc-shared-strings.xlsx"));
        Assert.True(ex.Content.Truncated);
        Assert.InRange(ex.Content.TotalChars, 0, ex.Limit);
    }

    [SharedFact]
    public void Extract_EmlWithTextAttachments_AttachmentSegments()
    {
        var text = RealCorpus.Extract("other/tika__testRFC822_multipart_attachments.eml");

        Assert.Contains(text.OfKind(SegmentKind.Attachment), s => s.Location == "bilaga 'Test TxtA.txt': text");
        Assert.Contains("Ämne: EML 1", text.OfKind(SegmentKind.Metadata).Single().Text, StringComparison.Ordinal);
    }

    [SharedFact]
    public void Extract_Windows1252Text_DecodedRight()
    {
        Assert.Contains("\u201cwindows\u201d", RealCorpus.Extract("other/tika__testTXT_win-1252.txt").AllText(), StringComparison.Ordinal);
    }

    [SharedFact]
    public void Extract_Utf16Html_Decoded()
    {
        Assert.False(RealCorpus.Extract("other/tika__testHTML_charset_utf16le.html").IsBlank);
    }
}
