using System.Buffers.Binary;
using System.Text;
using ClassScan.Core.Documents;
using ClassScan.Extraction.Cfb;
using ClassScan.Extraction.Mail;
using ClassScan.TestSupport.Documents;

namespace ClassScan.Extraction.Tests.Mail;

/// <summary>Outlook .msg files built by <see cref="MsgBuilder"/>, read through the selector as a scan reads them.</summary>
public class MsgExtractorTests
{
    private static readonly DateTime SentAt = new(2026, 3, 14, 9, 30, 0, DateTimeKind.Utc);

    private static ExtractedText Extract(byte[] msg, ExtractionLimits? limits = null) =>
        ExtractionHelper.SelectAndRun("meddelande.msg", msg, limits);

    private static ExtractionResult Result(byte[] msg, ExtractionLimits? limits = null) =>
        ExtractionHelper.SelectAndResult("meddelande.msg", msg, limits);

    private static string Rubrik(ExtractedText text) => Assert.Single(text.OfKind(SegmentKind.Metadata), s => s.Location == "rubrik").Text;

    private static string Body(ExtractedText text) => Assert.Single(text.OfKind(SegmentKind.Body), s => s.Location == "meddelandetext").Text;

    [Fact]
    public void Extract_HeadersBodyAndDocxAttachment_Located()
    {
        var msg = new MsgBuilder()
            .MessageClass("IPM.Note")
            .From("handlaggare@kommun.example.se", "Handläggare")
            .To("mottagare@example.se", "Mottagare Ett").To("andra@example.se")
            .Cc("kopia@example.se")
            .Subject("Ärende om elevhälsa")
            .Sent(SentAt)
            .Text("Hej, se bifogat beslut.")
            .Attach("beslut.docx", TestDocuments.Docx("Beslut i ärendet", "Elevens personnummer 19121212-1212"))
            .Build();

        var text = Extract(msg);

        Assert.Equal(
            "Från: \"Handläggare\" <handlaggare@kommun.example.se>\n"
            + "Till: \"Mottagare Ett\" <mottagare@example.se>, andra@example.se\n"
            + "Kopia: kopia@example.se\n"
            + "Ämne: Ärende om elevhälsa\n"
            + "Datum: 2026-03-14 09:30 UTC",
            Rubrik(text));
        Assert.Equal("Hej, se bifogat beslut.", Body(text));
        var attachment = Assert.Single(text.OfKind(SegmentKind.Attachment));
        Assert.StartsWith("bilaga 'beslut.docx': ", attachment.Location, StringComparison.Ordinal);
        Assert.Equal("Beslut i ärendet\nElevens personnummer 19121212-1212", attachment.Text);
        Assert.Empty(text.Notes);
    }

    [Fact]
    public void Extract_DisplayRecipientsWithoutRecipientObjects_UsedAsTillAndKopia()
    {
        var msg = new MsgBuilder().Subject("s").Unicode(0x0E04, "Anna Andersson; Bo Berg").Unicode(0x0E03, "Cecilia Ceder").Text("x").Build();

        Assert.Equal("Till: Anna Andersson; Bo Berg\nKopia: Cecilia Ceder\nÄmne: s", Rubrik(Extract(msg)));
    }

    [Fact]
    public void Extract_ExchangeSenderAddress_NameOnly()
    {
        // An internal Exchange sender has a distinguished name, not an SMTP address, in PidTagSenderEmailAddress.
        var msg = new MsgBuilder().From("/O=KOMMUN/OU=EXCHANGE/CN=RECIPIENTS/CN=ANNA@KOMMUN", "Anna Andersson").Subject("s").Text("x").Build();

        Assert.StartsWith("Från: Anna Andersson\n", Rubrik(Extract(msg)), StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_HtmlOnlyBody_StrippedToText()
    {
        var msg = new MsgBuilder().Subject("s").Html("<html><body><p>Hej <b>Åsa</b></p><script>x()</script></body></html>", 1252).Build();

        Assert.Equal("Hej Åsa", Body(Extract(msg)));
    }

    [Fact]
    public void Extract_PlainAndHtmlBody_PlainPreferred()
    {
        var msg = new MsgBuilder().Subject("s").Text("Vanlig text").Html("<p>HTML-text</p>").Build();

        Assert.Equal("Vanlig text", Body(Extract(msg)));
    }

    [Theory]
    [InlineData(1252, new byte[] { 0xC4, 0x72, 0x65, 0x6E, 0x64, 0x65 }, "Ärende")]
    [InlineData(1251, new byte[] { 0xE0, 0xE2, 0xF2, 0xEE }, "авто")]
    [InlineData(65001, new byte[] { 0xC3, 0x84, 0x72, 0x65, 0x6E, 0x64, 0x65 }, "Ärende")]
    public void Extract_String8Subject_DecodedInMessageCodePage(int codePage, byte[] subject, string expected)
    {
        var msg = new MsgBuilder().CodePage(codePage).String8(0x0037, subject).Text("x").Build();

        Assert.Equal($"Ämne: {expected}", Rubrik(Extract(msg)));
    }

    [Theory]
    [InlineData("lzfu")]
    [InlineData("mela")]
    public void Extract_RtfOnlyBody_DecompressedAndHandedToTheRtfReader(string kind)
    {
        var rtf = Encoding.ASCII.GetBytes("{\\rtf1\\ansi\\ansicpg1252 Hej fr\\'e5n RTF-kroppen\\par}");
        var stream = kind == "lzfu" ? CompressedRtfWriter.LiteralsOnly(rtf) : CompressedRtfWriter.Uncompressed(rtf);
        var selector = new RecordingSelector();
        var msg = new MsgBuilder().Subject("s").CompressedRtf(stream).Build();

        var text = ExtractionHelper.WholeText(ExtractionHelper.Result(new CfbExtractor(selector), msg));

        var (name, bytes) = Assert.Single(selector.RtfBodies);
        Assert.Equal(MsgReader.RtfBodyName, name);
        Assert.Equal(rtf, bytes);
        Assert.Equal("rtf:" + rtf.Length, Body(text));
    }

    [Fact]
    public void Extract_RtfOnlyBodyWithoutRtfReader_Noted()
    {
        var msg = new MsgBuilder().Subject("s").CompressedRtf(CompressedRtfWriter.LiteralsOnly("{\\rtf1 x}"u8.ToArray())).Build();

        var text = ExtractionHelper.WholeText(ExtractionHelper.Result(new CfbExtractor(new RecordingSelector { ReadRtf = false }), msg));

        Assert.DoesNotContain(text.Segments, s => s.Kind == SegmentKind.Body);
        Assert.Contains("meddelandetext (RTF) inte läst: formatet stöds inte", text.Notes);
    }

    [Fact]
    public void Extract_RtfBodyWithBadCrc_Corrupt()
    {
        var stream = CompressedRtfWriter.LiteralsOnly("{\\rtf1 x}"u8.ToArray());
        stream[12] ^= 0xFF;
        var msg = new MsgBuilder().Subject("s").CompressedRtf(stream).Build();

        var corrupt = Assert.IsType<ExtractionResult.Corrupt>(Result(msg));
        Assert.Equal("invalid compressed RTF body: CRC mismatch", corrupt.Reason);
    }

    [Fact]
    public void Extract_EmbeddedMessagesTwoLevelsDeep_FollowedToDepthLimit()
    {
        var inner = new MsgBuilder().Subject("Inre").Text("Innehåll på nivå två")
            .Attach("utdrag.txt", Encoding.UTF8.GetBytes("Registerutdrag 19121212-1212"));
        var middle = new MsgBuilder().Subject("Mellan").Text("Nivå ett").AttachMessage(inner, "Inre");
        var outer = new MsgBuilder().Subject("Yttre").Text("Nivå noll").AttachMessage(middle, "Mellan").Build();

        var full = Extract(outer);
        var shallow = Extract(outer, ExtractionLimits.Default with { MaxNestingDepth = 1 });

        Assert.Equal("Nivå noll", Body(full));
        Assert.Contains(full.OfKind(SegmentKind.Attachment), s => s.Location == "bilaga 'Mellan': rubrik" && s.Text == "Ämne: Mellan");
        Assert.Contains(full.OfKind(SegmentKind.Attachment), s => s.Location == "bilaga 'Mellan': bilaga 'Inre': meddelandetext" && s.Text == "Innehåll på nivå två");
        Assert.Contains(full.OfKind(SegmentKind.Attachment), s => s.Location == "bilaga 'Mellan': bilaga 'Inre': bilaga 'utdrag.txt': text"
            && s.Text.Contains("19121212-1212", StringComparison.Ordinal));
        Assert.Contains(shallow.OfKind(SegmentKind.Attachment), s => s.Text == "Nivå ett");
        Assert.DoesNotContain(shallow.Segments, s => s.Text.Contains("nivå två", StringComparison.Ordinal));
        Assert.Contains("bilaga 'Mellan': bilaga 'Inre' inte läst: för djup nästling (MaxNestingDepth)", shallow.Notes);
    }

    [Fact]
    public void Extract_MsgFileAttachedByValue_ReadAsMessageWithinDepth()
    {
        var attached = new MsgBuilder().Subject("Bifogat").Text("Text i bifogat meddelande").Build();
        var outer = new MsgBuilder().Subject("Yttre").Text("x").Attach("vidare.msg", attached).Build();

        var full = Extract(outer);
        var flat = Extract(outer, ExtractionLimits.Default with { MaxNestingDepth = 0 });

        Assert.Contains(full.OfKind(SegmentKind.Attachment), s => s.Location == "bilaga 'vidare.msg': meddelandetext" && s.Text == "Text i bifogat meddelande");
        Assert.Empty(flat.OfKind(SegmentKind.Attachment));
        Assert.Contains("bilaga 'vidare.msg' inte läst: för djup nästling (MaxNestingDepth)", flat.Notes);
    }

    [Fact]
    public void Extract_EmlAttachment_ReadByTheEmlReader()
    {
        var outer = new MsgBuilder().Subject("s").Text("x").Attach("vidare.eml", TestDocuments.Eml("Inre", "Brödtext i e-post")).Build();

        Assert.Contains(Extract(outer).OfKind(SegmentKind.Attachment), s => s.Location == "bilaga 'vidare.eml': meddelandetext" && s.Text == "Brödtext i e-post");
    }

    [Fact]
    public void Extract_UnreadableAttachments_NotedNotFailed()
    {
        var encrypted = CompoundFileWriter.Create(("EncryptionInfo", new byte[16]), ("EncryptedPackage", new byte[16]));
        var msg = new MsgBuilder().Subject("s").Text("Se bilagor")
            .Attach("lista.xlsx", encrypted)
            .Attach("bild.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
            .Attach("trasig.pdf", "%PDF-1.7 trasig"u8.ToArray())
            .Build();

        var text = Extract(msg);

        Assert.Equal("Se bilagor", Body(text));
        Assert.Equal(
            ["bilaga 'lista.xlsx' är krypterad och kunde inte läsas", "bilaga 'bild.png': bilden saknar textlager (bara OCR kan läsa den)"],
            text.Notes.Take(2));
        Assert.StartsWith("bilaga 'trasig.pdf' är skadad: ", text.Notes[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_OleAttachmentHoldingWordStreams_MessageStillReadAndObjectNoted()
    {
        // The message check comes first: a WordDocument or EncryptionInfo stream inside an attachment is not the file's own.
        var ole = new CfbNode.Storage("__substg1.0_3701000D", [new CfbNode.Stream("WordDocument", new byte[64]), new CfbNode.Stream("EncryptionInfo", new byte[8])]);
        var attachment = new MsgBuilder().Unicode(0x3707, "inbäddad.doc").Fixed(0x3705, MsgProperties.TypeInt32, 6);
        var msg = new MsgBuilder().Subject("s").Text("Brödtext").AttachRaw(attachment, ole).Build();

        var text = Extract(msg);

        Assert.Equal("Brödtext", Body(text));
        Assert.Equal(["bilaga 'inbäddad.doc' inte läst: inbäddat OLE-objekt"], text.Notes);
    }

    [Fact]
    public void Extract_LinkedAttachment_Noted()
    {
        var attachment = new MsgBuilder().Unicode(0x3707, "delad.docx").Fixed(0x3705, MsgProperties.TypeInt32, 2);
        var msg = new MsgBuilder().Subject("s").Text("x").AttachRaw(attachment).Build();

        Assert.Equal(["bilaga 'delad.docx' inte läst: länkad bilaga, innehållet finns inte i meddelandet"], Extract(msg).Notes);
    }

    public static TheoryData<string, Func<MsgBuilder, MsgBuilder>> EncryptedMessages() => new()
    {
        { "S/MIME", m => m.MessageClass("IPM.Note.SMIME").Attach("smime.p7m", new byte[32], "application/pkcs7-mime") },
        { "PGP/MIME", m => m.MessageClass("IPM.Note").Attach("ATT00001.pgp-encrypted", "Version: 1\n"u8.ToArray(), "application/pgp-encrypted")
            .Attach("ATT00002.bin", "-----BEGIN PGP MESSAGE-----\n"u8.ToArray(), "application/octet-stream") },
    };

    [Theory]
    [MemberData(nameof(EncryptedMessages))]
    public void Extract_EncryptedMessage_Encrypted(string scheme, Func<MsgBuilder, MsgBuilder> build)
    {
        var msg = build(new MsgBuilder().Subject("Hemligt")).Build();

        Assert.Equal($"encrypted Outlook message ({scheme})", Assert.IsType<ExtractionResult.Encrypted>(Result(msg)).Reason);
    }

    [Theory]
    [InlineData("IPM.Note")]
    [InlineData("IPM.Note.SMIME.MultipartSigned")]
    [InlineData("IPM.Schedule.Meeting.Request")]
    public void Extract_NotEncryptedMessageClass_Read(string messageClass)
    {
        var msg = new MsgBuilder().MessageClass(messageClass).Subject("s").Text("Öppen text").Build();

        Assert.Equal("Öppen text", Body(Extract(msg)));
    }

    [Fact]
    public void Extract_ClearSignedMessage_SignedMimeBodyRead()
    {
        var mime = "Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\"; micalg=sha-256; boundary=\"b\"\r\n\r\n"
            + "--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nSignerad text\r\n"
            + "--b\r\nContent-Type: application/pkcs7-signature; name=smime.p7s\r\nContent-Disposition: attachment; filename=smime.p7s\r\n\r\nAAAA\r\n--b--\r\n";
        var msg = new MsgBuilder().MessageClass("IPM.Note.SMIME.MultipartSigned").Subject("s")
            .Attach("smime.p7m", Encoding.UTF8.GetBytes(mime), "multipart/signed").Build();

        var text = Extract(msg);

        Assert.Contains(text.OfKind(SegmentKind.Attachment), s => s.Location == "bilaga 'smime.p7m': meddelandetext" && s.Text == "Signerad text");
    }

    [Fact]
    public void Extract_EncryptedEmbeddedMessage_NotedNotFailed()
    {
        var inner = new MsgBuilder().MessageClass("IPM.Note.SMIME").Subject("Krypterat").Attach("smime.p7m", new byte[32]);
        var msg = new MsgBuilder().Subject("s").Text("Yttre text").AttachMessage(inner, "Krypterat").Build();

        var text = Extract(msg);

        Assert.Equal("Yttre text", Body(text));
        Assert.Equal(["bilaga 'Krypterat' är krypterad"], text.Notes);
    }

    [Fact]
    public void Extract_BodyPastTextLimit_PartialWithTheBodysBeginning()
    {
        var msg = new MsgBuilder().Subject("s").Text("Personnummer 19121212-1212. " + new string('x', 10_000)).Attach("a.txt", "bilaga"u8.ToArray()).Build();

        var partial = Assert.IsType<ExtractionResult.PartialText>(Result(msg, ExtractionLimits.Default with { MaxExtractedChars = 500 }));

        Assert.True(partial.Content.Truncated);
        Assert.InRange(partial.Content.TotalChars, 1, 500);
        Assert.StartsWith("Personnummer 19121212-1212.", Body(partial.Content), StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_AttachmentClaimingMoreThanMaxFileBytes_NotedNotAllocated()
    {
        // The directory entry's size is the writer's word: a 2 GB claim in a small file must cost nothing.
        var msg = new MsgBuilder().Subject("s").Text("x").Attach("stor.txt", new byte[5000]).Build();
        int entry = DirectoryOffset(msg) + (EntryIndex(msg, "__substg1.0_37010102") * 128);
        BinaryPrimitives.WriteUInt32LittleEndian(msg.AsSpan(entry + 0x78), 0x7FFFFFF0);

        var text = Extract(msg);

        Assert.Equal(["bilaga 'stor.txt' inte läst: större än MaxFileBytes"], text.Notes);
    }

    [Fact]
    public void Extract_MessageReadingMoreThanMaxUncompressedBytes_LimitReached()
    {
        var msg = new MsgBuilder().Subject("s").Text("x").Attach("a.txt", new byte[5000]).Attach("b.txt", new byte[5000]).Build();

        var limit = Assert.IsType<ExtractionResult.LimitReached>(Result(msg, ExtractionLimits.Default with { MaxUncompressedBytes = 8000 }));

        Assert.Equal(nameof(ExtractionLimits.MaxUncompressedBytes), limit.LimitName);
    }

    [Fact]
    public void Select_MessageUnderAnyName_ReadAsMessage()
    {
        var msg = new MsgBuilder().Subject("s").Text("Brödtext").Build();

        Assert.Equal("Brödtext", Body(ExtractionHelper.SelectAndRun("utan-filändelse", msg)));
    }

    [Fact]
    public void Extract_PropertyStreamMissing_StringsStillRead()
    {
        // Property streams alone name a message; the fixed-size property list is optional for reading text.
        var msg = CompoundTreeWriter.Write(new CfbNode.Storage("Root Entry",
            [new CfbNode.Stream("__substg1.0_0037001F", Encoding.Unicode.GetBytes("Ämnesrad")), new CfbNode.Stream("__substg1.0_1000001F", Encoding.Unicode.GetBytes("Text"))]));

        var text = Extract(msg);

        Assert.Equal("Ämne: Ämnesrad", Rubrik(text));
        Assert.Equal("Text", Body(text));
    }

    public static TheoryData<string, Func<byte[], byte[]>> DamagedMessages() => new()
    {
        { "directory cut short", m => m[..(m.Length / 2)] },
        { "storage is its own child", m => LinkStorageToItself(m, "__attach_version1.0_#00000000") },
        { "embedded message loops to its parent", m => LinkEmbeddedToRoot(m) },
        { "property stream garbage", m => Overwrite(m, "__properties_version1.0", 0x5A) },
    };

    [Theory]
    [MemberData(nameof(DamagedMessages))]
    public void Extract_DamagedMessage_TextOrCorruptNeverThrows(string damage, Func<byte[], byte[]> harm)
    {
        var inner = new MsgBuilder().Subject("Inre").Text("Inre text");
        var msg = harm(new MsgBuilder().Subject("Yttre").Text("Yttre text").AttachMessage(inner, "Inre").Build());

        var result = Result(msg);

        Assert.True(result is ExtractionResult.Text or ExtractionResult.Corrupt, $"{damage}: {result}");
        if (result is ExtractionResult.Corrupt(var why)) Assert.DoesNotContain("text", why, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Extract_EmbeddedMessageLoopingToItsParent_CorruptNotRepeated()
    {
        var msg = LinkEmbeddedToRoot(new MsgBuilder().Subject("Yttre").Text("Yttre text").AttachMessage(new MsgBuilder().Subject("Inre"), "Inre").Build());

        Assert.Equal("invalid Outlook message: a storage is reached twice in the directory",
            Assert.IsType<ExtractionResult.Corrupt>(Result(msg)).Reason);
    }

    [Fact]
    public void Extract_Cancelled_Throws()
    {
        var msg = new MsgBuilder().Subject("s").Text("x").Attach("a.txt", "a"u8.ToArray()).Build();
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => ExtractionHelper.Result(CfbExtractor.Instance, msg, ct: cts.Token));
    }

    // Directory surgery on files from CompoundTreeWriter: version 3, the directory in the sector after the FAT.

    private static int DirectoryOffset(byte[] file) => 512 * (1 + (int)BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(0x30)));

    private static int EntryIndex(byte[] file, string name)
    {
        var dir = DirectoryOffset(file);
        for (int i = 0; dir + ((i + 1) * 128) <= file.Length; i++)
        {
            var e = file.AsSpan(dir + (i * 128), 128);
            int length = BinaryPrimitives.ReadUInt16LittleEndian(e[0x40..]);
            if (length >= 2 && Encoding.Unicode.GetString(e[..(length - 2)]) == name) return i;
        }
        throw new InvalidOperationException("no such entry");
    }

    private static byte[] LinkStorageToItself(byte[] file, string name)
    {
        var copy = file.ToArray();
        int index = EntryIndex(copy, name);
        BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(DirectoryOffset(copy) + (index * 128) + 0x4C), (uint)index);
        return copy;
    }

    private static byte[] LinkEmbeddedToRoot(byte[] file)
    {
        // The embedded message's storage takes the root's children: reading it would read the outer message again.
        var copy = file.ToArray();
        int dir = DirectoryOffset(copy);
        uint rootChild = BinaryPrimitives.ReadUInt32LittleEndian(copy.AsSpan(dir + 0x4C));
        int embedded = EntryIndex(copy, "__substg1.0_3701000D");
        BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(dir + (embedded * 128) + 0x4C), rootChild);
        return copy;
    }

    private static byte[] Overwrite(byte[] file, string name, byte value)
    {
        // Property streams are small: they live in the mini stream, which starts at the root entry's first sector.
        var copy = file.ToArray();
        int dir = DirectoryOffset(copy);
        int index = EntryIndex(copy, name);
        var entry = copy.AsSpan(dir + (index * 128), 128);
        uint miniSector = BinaryPrimitives.ReadUInt32LittleEndian(entry[0x74..]);
        int size = (int)BinaryPrimitives.ReadUInt32LittleEndian(entry[0x78..]);
        uint rootStart = BinaryPrimitives.ReadUInt32LittleEndian(copy.AsSpan(dir + 0x74));
        int offset = (512 * (1 + (int)rootStart)) + ((int)miniSector * 64);
        copy.AsSpan(offset, size).Fill(value);
        return copy;
    }

    /// <summary>Selects the default readers, except that the RTF message body is recorded (and read as "rtf:N").</summary>
    private sealed class RecordingSelector : IExtractorSelector, ITextExtractor
    {
        private string selected = "";

        public List<(string Name, byte[] Bytes)> RtfBodies { get; } = [];

        public bool ReadRtf { get; init; } = true;

        public string Name => "recording-rtf";

        public ITextExtractor? Select(string fileName, ReadOnlySpan<byte> head)
        {
            if (!fileName.EndsWith(".rtf", StringComparison.OrdinalIgnoreCase)) return ExtractorSelector.Default.Select(fileName, head);
            selected = fileName;
            return ReadRtf ? this : null;
        }

        public ExtractionResult Extract(DocumentContent content, ExtractionLimits limits, CancellationToken ct)
        {
            using var copy = new MemoryStream();
            content.Stream.CopyTo(copy);
            RtfBodies.Add((selected, copy.ToArray()));
            return new ExtractionResult.Text(new ExtractedText([new TextSegment(SegmentKind.Body, "text", $"rtf:{copy.Length}")]));
        }
    }

    [Fact]
    public void Extract_ZipAttachment_MessageKeptAndEachFileReadAsAnAttachment()
    {
        var zip = TestArchives.Zip(("akter/beslut.txt", Encoding.UTF8.GetBytes("Beslut för 19121212-1212")));
        var msg = new MsgBuilder().Subject("Akter").Text("Se bifogat arkiv.").Attach("akter.zip", zip).Build();

        var text = Extract(msg);

        // The message is not replaced by the archive: its header and body stay, and the file is located inside it.
        Assert.Contains("Ämne: Akter", Rubrik(text), StringComparison.Ordinal);
        Assert.Equal("Se bifogat arkiv.", Body(text).Trim());
        Assert.Contains(text.OfKind(SegmentKind.Attachment),
            s => s.Location.StartsWith("bilaga 'akter.zip'!/akter/beslut.txt: ", StringComparison.Ordinal) && s.Text.Contains("19121212-1212", StringComparison.Ordinal));
    }
}
