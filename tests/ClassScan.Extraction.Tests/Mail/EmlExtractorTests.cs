using System.Text;
using ClassScan.Core.Documents;
using ClassScan.TestSupport.Documents;

namespace ClassScan.Extraction.Tests.Mail;

public class EmlExtractorTests
{
    private static ExtractedText Extract(byte[] eml, ExtractionLimits? limits = null) =>
        ExtractionHelper.SelectAndRun("meddelande.eml", eml, limits);

    private static ExtractionResult Result(byte[] eml, ExtractionLimits? limits = null) =>
        ExtractionHelper.SelectAndResult("meddelande.eml", eml, limits);

    [Fact]
    public void Extract_AttachmentPastTextLimit_KeepsMessageTextAndTheAttachmentsBeginning()
    {
        var eml = new EmlBuilder()
            .From("handlaggare@kommun.example.se").To("mottagare@example.se").Subject("Utdrag")
            .Text("Se bifogat registerutdrag för eleven 19121212-1212.")
            .Attach("register.txt", Encoding.UTF8.GetBytes("Registerutdrag\n" + string.Concat(Enumerable.Repeat("rad utan fynd\n", 10_000))))
            .Build();

        var ex = Assert.IsType<ExtractionResult.PartialText>(Result(eml, ExtractionLimits.Default with { MaxExtractedChars = 2000 }));

        var partial = ex.Content;
        Assert.True(partial.Truncated);
        Assert.InRange(partial.TotalChars, 1, 2000);
        Assert.Contains(partial.Segments, s => s.Text.Contains("19121212-1212", StringComparison.Ordinal));
        Assert.Contains(partial.Segments, s => s.Kind == SegmentKind.Attachment && s.Text.StartsWith("Registerutdrag", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_HeadersBodyAndAttachments_Located()
    {
        var eml = new EmlBuilder()
            .From("handlaggare@kommun.example.se", "Handläggare")
            .To("mottagare@example.se")
            .Cc("kopia@example.se")
            .Subject("Ärende om elevhälsa")
            .Text("Hej, se bifogad fil.")
            .Attach("anteckning.txt", Encoding.UTF8.GetBytes("Elevens personnummer 19121212-1212"))
            .Attach("beslut.docx", TestDocuments.Docx("Beslut i ärendet"))
            .Attach("bild.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
            .Build();

        var text = Extract(eml);

        var header = Assert.Single(text.OfKind(SegmentKind.Metadata), s => s.Location == "rubrik").Text;
        Assert.Contains("Från: \"Handläggare\" <handlaggare@kommun.example.se>", header, StringComparison.Ordinal);
        Assert.Contains("Kopia: kopia@example.se", header, StringComparison.Ordinal);
        Assert.Contains("Ämne: Ärende om elevhälsa", header, StringComparison.Ordinal);
        Assert.Equal("Hej, se bifogad fil.", Assert.Single(text.OfKind(SegmentKind.Body), s => s.Location == "meddelandetext").Text);
        Assert.Contains(text.OfKind(SegmentKind.Attachment), s => s.Location == "bilaga 'anteckning.txt': text" && s.Text.Contains("19121212-1212", StringComparison.Ordinal));
        Assert.Contains(text.OfKind(SegmentKind.Attachment), s => s.Location.StartsWith("bilaga 'beslut.docx'", StringComparison.Ordinal) && s.Text == "Beslut i ärendet");
        Assert.Contains(text.Notes, n => n.Contains("bild.png", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_HtmlOnlyBody_StrippedToText()
    {
        var text = Extract(new EmlBuilder().Subject("s").Html("<p>Hej <b>du</b></p><script>x()</script>").Build());

        Assert.Equal("Hej du", text.OfKind(SegmentKind.Body).Single().Text);
    }

    [Fact]
    public void Extract_NestedMessages_FollowedToDepthLimit()
    {
        var inner = TestDocuments.Eml("Inre", "Innehåll på nivå två");
        var middle = new EmlBuilder().Subject("Mellan").Text("Nivå ett").AttachMessage(inner).Build();
        var outer = new EmlBuilder().Subject("Yttre").Text("Nivå noll").AttachMessage(middle).Build();

        var full = Extract(outer);
        var shallow = Extract(outer, ExtractionLimits.Default with { MaxNestingDepth = 1 });

        Assert.Contains(full.OfKind(SegmentKind.Attachment), s => s.Text.Contains("Innehåll på nivå två", StringComparison.Ordinal));
        Assert.Contains(shallow.OfKind(SegmentKind.Attachment), s => s.Text.Contains("Nivå ett", StringComparison.Ordinal));
        Assert.DoesNotContain(shallow.Segments, s => s.Text.Contains("nivå två", StringComparison.Ordinal));
        Assert.Contains(shallow.Notes, n => n.Contains("MaxNestingDepth", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_OutlookMessageAttachment_ReadWithTheNestingLeft()
    {
        var msg = new MsgBuilder().Subject("Bifogat").Text("Text i Outlook-meddelandet").Attach("lista.txt", "Rad i listan"u8.ToArray()).Build();
        var eml = new EmlBuilder().Subject("s").Text("Se bilaga").Attach("vidare.msg", msg).Build();

        var full = Extract(eml);
        var shallow = Extract(eml, ExtractionLimits.Default with { MaxNestingDepth = 1 });

        Assert.Contains(full.OfKind(SegmentKind.Attachment), s => s.Location == "bilaga 'vidare.msg': bilaga 'lista.txt': text" && s.Text == "Rad i listan");
        Assert.Contains(shallow.OfKind(SegmentKind.Attachment), s => s.Location == "bilaga 'vidare.msg': meddelandetext" && s.Text == "Text i Outlook-meddelandet");
        Assert.DoesNotContain(shallow.Segments, s => s.Text == "Rad i listan");
        Assert.Contains("bilaga 'vidare.msg': bilaga 'lista.txt' inte läst: för djup nästling (MaxNestingDepth)", shallow.Notes);
    }

    [Fact]
    public void Extract_EncryptedMessage_Encrypted()
    {
        const string eml = "From: a@example.se\r\nTo: b@example.se\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/encrypted; boundary=foo; protocol=\"application/pgp-encrypted\"\r\n\r\n"
            + "--foo\r\nContent-Type: application/pgp-encrypted\r\n\r\nVersion: 1\r\n"
            + "--foo\r\nContent-Type: application/octet-stream\r\n\r\n-----BEGIN PGP MESSAGE-----\r\nabc\r\n-----END PGP MESSAGE-----\r\n--foo--\r\n";

        Assert.IsType<ExtractionResult.Encrypted>(Result(Encoding.ASCII.GetBytes(eml)));
    }

    [Fact]
    public void Extract_Utf16Message_Parsed()
    {
        var eml = Encoding.Unicode.GetBytes("From: a@example.se\r\nSubject: Hej\r\n\r\nBrödtext\r\n");

        Assert.Contains("Brödtext", Extract(eml).AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_EncryptedAttachment_NotedNotFailed()
    {
        var encrypted = CompoundFileWriter.Create(("EncryptionInfo", new byte[16]), ("EncryptedPackage", new byte[16]));
        var eml = new EmlBuilder().Subject("s").Text("Se bilaga").Attach("lista.xlsx", encrypted).Build();

        var text = Extract(eml);

        Assert.Contains(text.Notes, n => n.Contains("lista.xlsx", StringComparison.Ordinal) && n.Contains("krypterad", StringComparison.Ordinal));
    }
}
