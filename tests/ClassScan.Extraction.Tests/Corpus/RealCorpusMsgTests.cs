using ClassScan.Core.Documents;
using ClassScan.TestSupport;

namespace ClassScan.Extraction.Tests.Corpus;

/// <summary>Facts about the Outlook messages of ../shared/corpus/real (see its MANIFEST.tsv); not exact text.</summary>
[Trait("Category", "Shared")]
public class RealCorpusMsgTests
{
    private static string Rubrik(ExtractedText text) => Assert.Single(text.OfKind(SegmentKind.Metadata), s => s.Location == "rubrik").Text;

    private static string Body(ExtractedText text) => Assert.Single(text.OfKind(SegmentKind.Body), s => s.Location == "meddelandetext").Text;

    [SharedTheory]
    [InlineData("other/docling__msg_with_attachment.msg")]
    [InlineData("other/markitdown__test_outlook_msg.msg")]
    [InlineData("other/poi__ASCII_CP1251_LCID1049.msg")]
    [InlineData("other/poi__attachment_test_msg.msg")]
    [InlineData("other/poi__quick.msg")]
    [InlineData("other/poi__simple_test_msg.msg")]
    [InlineData("other/tika__test-outlook2003.msg")]
    [InlineData("other/tika__testMSG.msg")]
    [InlineData("other/tika__testMSG_chinese.msg")]
    public void Extract_OutlookMessage_SubjectAndBodyRead(string file)
    {
        var text = RealCorpus.Extract(file);

        Assert.Contains("Ämne: ", Rubrik(text), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(Body(text)));
    }

    [SharedFact]
    public void Extract_PlainMessage_HeadersAndBody()
    {
        var text = RealCorpus.Extract("other/tika__testMSG.msg");

        Assert.Equal("Från: \"Jukka Zitting\" <jukka.zitting@gmail.com>\nTill: tika-dev@lucene.apache.org\nÄmne: MIME registry use cases\nDatum: 2009-01-29 19:16 UTC",
            Rubrik(text));
        Assert.StartsWith("Hi,\r\n\r\nAs discussed, I've been working on making the type detection code more", Body(text), StringComparison.Ordinal);
    }

    [SharedFact]
    public void Extract_String8InCodePage1251_Cyrillic()
    {
        var text = RealCorpus.Extract("other/poi__ASCII_CP1251_LCID1049.msg");

        Assert.Equal("Ämne: Subject автоматически Subject", Rubrik(text));
        Assert.Equal("Body автоматически Body", Body(text));
    }

    [SharedFact]
    public void Extract_String8InBig5_Chinese()
    {
        var text = RealCorpus.Extract("other/tika__testMSG_chinese.msg");

        Assert.Contains("Ämne: Alfresco MSG format testing ( MSG 格式測試 )", Rubrik(text), StringComparison.Ordinal);
        Assert.Contains("中文測試", Body(text), StringComparison.Ordinal);
    }

    [SharedFact]
    public void Extract_ExchangeSender_NoDistinguishedNameAsAddress()
    {
        var rubrik = Rubrik(RealCorpus.Extract("other/poi__quick.msg"));

        Assert.StartsWith("Från: Kevin Roast\n", rubrik, StringComparison.Ordinal);
        Assert.DoesNotContain("/O=", rubrik, StringComparison.Ordinal);
    }

    [SharedFact]
    public void Extract_TextAttachment_AttachmentSegment()
    {
        var text = RealCorpus.Extract("other/docling__msg_with_attachment.msg");

        Assert.Equal("This email contains an attachment.", Body(text));
        Assert.Contains(text.OfKind(SegmentKind.Attachment), s => s.Location == "bilaga 'test.txt': text" && s.Text.StartsWith("This is a test attachment file.", StringComparison.Ordinal));
    }

    [SharedFact]
    public void Extract_UnicodeTextAndLegacyWordAttachments_BothRead()
    {
        var text = RealCorpus.Extract("other/poi__attachment_test_msg.msg");

        Assert.Contains("Ämne: test pièce jointe 1", Rubrik(text), StringComparison.Ordinal);
        Assert.Contains(text.OfKind(SegmentKind.Attachment), s => s.Location == "bilaga 'pj1.txt': text" && s.Text.Contains("euro : €", StringComparison.Ordinal));
        Assert.Contains(text.OfKind(SegmentKind.Attachment), s => s.Location.StartsWith("bilaga 'test-unicode.doc': ", StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(s.Text));
    }

    [SharedFact]
    public void Extract_ImageAttachments_EachNoted()
    {
        var text = RealCorpus.Extract("other/tika__test-outlook2003.msg");

        Assert.Equal(11, text.Notes.Count(n => n.StartsWith("bilaga '", StringComparison.Ordinal) && n.EndsWith(".jpg': bilden saknar textlager (bara OCR kan läsa den)", StringComparison.Ordinal)));
    }

    [SharedFact]
    public void Extract_PgpMimeMessage_Encrypted()
    {
        Assert.Equal("encrypted Outlook message (PGP/MIME)", Assert.IsType<ExtractionResult.Encrypted>(RealCorpus.Result("other/unstructured__fake-encrypted.msg")).Reason);
    }
}
