using System.Globalization;
using System.Text;
using ClassScan.Core.Documents;
using ClassScan.Extraction.Cfb;
using ClassScan.Extraction.Internal;
using ClassScan.Extraction.Text;

namespace ClassScan.Extraction.Mail;

/// <summary>
/// Outlook messages (.msg, [MS-OXMSG]) over the compound-file reader, in the shape of <see cref="EmlExtractor"/>:
/// From/To/Cc/Subject/Date ("rubrik"), the message text ("meddelandetext": the plain body, else the HTML body
/// as text, else the compressed RTF body decompressed and read by the selector's RTF reader), and attachments,
/// which are handed to the selector so a PDF or DOCX attachment is read like a file (segments of kind
/// Attachment, "bilaga 'namn'"); attached messages, stored inside the file or as .msg files, are followed up to
/// <see cref="ExtractionLimits.MaxNestingDepth"/>. An attachment that cannot be read becomes a note, not a
/// failure of the whole message. An S/MIME or PGP/MIME encrypted message is <see cref="ExtractionResult.Encrypted"/>.
/// Thread-safe; holds only the selector.
/// </summary>
internal sealed class MsgReader
{
    public const string RtfBodyName = "meddelandetext.rtf";

    // [MS-OXMSG] 2.4.1.1: the property stream header is 32 bytes in the top-level message, 24 in an embedded one,
    // 8 in recipient and attachment objects.
    private const int TopLevelHeader = 32;
    private const int EmbeddedHeader = 24;
    private const int ObjectHeader = 8;

    private const string RecipientPrefix = "__recip_version1.0_#";
    private const string AttachmentPrefix = "__attach_version1.0_#";

    // Property ids ([MS-OXPROPS]).
    private const ushort MessageClass = 0x001A;
    private const ushort Subject = 0x0037;
    private const ushort ClientSubmitTime = 0x0039;
    private const ushort SentRepresentingName = 0x0042;
    private const ushort SentRepresentingEmail = 0x0065;
    private const ushort SenderName = 0x0C1A;
    private const ushort SenderEmail = 0x0C1F;
    private const ushort RecipientType = 0x0C15;
    private const ushort DisplayBcc = 0x0E02;
    private const ushort DisplayCc = 0x0E03;
    private const ushort DisplayTo = 0x0E04;
    private const ushort DeliveryTime = 0x0E06;
    private const ushort Body = 0x1000;
    private const ushort RtfCompressed = 0x1009;
    private const ushort Html = 0x1013;
    private const ushort DisplayName = 0x3001;
    private const ushort EmailAddress = 0x3003;
    private const ushort AttachData = 0x3701;
    private const ushort AttachFileName = 0x3704;
    private const ushort AttachMethod = 0x3705;
    private const ushort AttachLongFileName = 0x3707;
    private const ushort AttachMimeTag = 0x370E;
    private const ushort SmtpAddress = 0x39FE;
    private const ushort SenderSmtpAddress = 0x5D01;
    private const ushort SentRepresentingSmtpAddress = 0x5D02;

    // PidTagAttachMethod ([MS-OXCMSG] 2.2.2.9).
    private const int AttachByValue = 1;
    private const int AttachEmbeddedMessage = 5;
    private const int AttachOle = 6;

    private readonly IExtractorSelector selector;

    public MsgReader(IExtractorSelector selector)
    {
        this.selector = selector;
    }

    /// <summary>True when the root storage holds message property streams ([MS-OXMSG] 2.1): an Outlook message.</summary>
    public static bool IsMessage(CompoundFile file) => MsgProperties.LooksLikeMessage(file.Children(file.Entries[0]));

    public ExtractionResult Read(CompoundFile file, ExtractionLimits limits, CancellationToken ct)
    {
        var msg = new MsgFile(file, limits, ct);
        var message = msg.Properties(file.Entries[0], TopLevelHeader, null);
        var c = new SegmentCollector(limits, ct);
        if (EncryptionOf(msg, message) is { } why) return new ExtractionResult.Encrypted(why);
        ReadMessage(msg, message, 0, "", c);
        return c.Result();
    }

    private void ReadMessage(MsgFile msg, MsgProperties message, int depth, string prefix, SegmentCollector c)
    {
        msg.Enter(message);
        var header = new StringBuilder();
        AppendHeader(header, "Från", Sender(message));
        var recipients = Recipients(msg, message);
        AppendHeader(header, "Till", Addresses(recipients, 1) ?? message.String(DisplayTo));
        AppendHeader(header, "Kopia", Addresses(recipients, 2) ?? message.String(DisplayCc));
        AppendHeader(header, "Dold kopia", Addresses(recipients, 3) ?? message.String(DisplayBcc));
        AppendHeader(header, "Ämne", message.String(Subject));
        if ((message.Time(ClientSubmitTime) ?? message.Time(DeliveryTime)) is { } date)
            AppendHeader(header, "Datum", date.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
        Add(c, prefix, SegmentKind.Metadata, "rubrik", header.ToString());

        var body = new StringBuilder();
        ReadBody(message, prefix, c, body);
        // Past MaxExtractedChars: the message text up to the limit is kept, then extraction stops.
        if (c.TotalChars + body.Length > c.Limits.MaxExtractedChars) StopWithBody(c, prefix, body);
        foreach (var storage in message.Storages(AttachmentPrefix))
        {
            c.Token.ThrowIfCancellationRequested();
            var attachment = msg.Properties(storage, ObjectHeader, message.Ansi);
            msg.Enter(attachment);
            ReadAttachment(msg, attachment, message, depth, prefix, c, body);
        }
        Add(c, prefix, SegmentKind.Body, "meddelandetext", body.ToString());
    }

    private void ReadBody(MsgProperties message, string prefix, SegmentCollector c, StringBuilder body)
    {
        // One more character than fits tells that the limit was passed.
        int room = (int)Math.Clamp(c.Limits.MaxExtractedChars - c.TotalChars + 1, 1, Array.MaxLength / 4);
        var plain = message.String(Body, room);
        if (!string.IsNullOrWhiteSpace(plain))
        {
            body.Append(plain);
            return;
        }
        if (HtmlBody(message) is { } html && !string.IsNullOrWhiteSpace(html))
        {
            try
            {
                body.Append(HtmlText.Convert(html, c.Token).Text);
            }
            catch (Exception ex) when (ExtractionStop.IsLibraryFailure(ex))
            {
                c.Note(AttachmentText.Prefixed(prefix, $"meddelandetext (HTML) kunde inte läsas ({ex.GetType().Name})"));
            }
            return;
        }
        if (message.Binary(RtfCompressed) is { Length: > 0 } compressed)
            ReadRtfBody(CompressedRtf.Decompress(compressed, c.Limits.MaxUncompressedBytes, c.Token), prefix, c, body);
    }

    private static string? HtmlBody(MsgProperties message)
    {
        // PidTagHtml is binary in the internet code page, or (some writers) a string property.
        if (message.StreamOf(Html, MsgProperties.TypeBinary) is null) return message.String(Html, int.MaxValue / 4);
        var bytes = message.Binary(Html) ?? [];
        return message.InternetEncoding is { } encoding ? encoding.GetString(bytes) : TextDecoding.Decode(bytes, sniffDeclaredCharset: true);
    }

    private void ReadRtfBody(byte[] rtf, string prefix, SegmentCollector c, StringBuilder body)
    {
        var extractor = selector.Select(RtfBodyName, rtf.AsSpan(0, Math.Min(rtf.Length, IExtractorSelector.HeadBytes)));
        if (extractor is null)
        {
            c.Note(AttachmentText.Prefixed(prefix, "meddelandetext (RTF) inte läst: formatet stöds inte"));
            return;
        }
        using var data = new MemoryStream(rtf, writable: false);
        switch (extractor.Extract(data, Remaining(c, body, 0), c.Token))
        {
            case ExtractionResult.Text(var inner):
                AppendText(body, inner.Segments);
                foreach (var n in inner.Notes) c.Note(AttachmentText.Prefixed(prefix, $"meddelandetext: {n}"));
                break;
            case ExtractionResult.PartialText partial:
                AppendText(body, partial.Content.Segments);
                StopWithBody(c, prefix, body);
                break;
            case ExtractionResult.Failure(var why):
                c.Note(AttachmentText.Prefixed(prefix, $"meddelandetext (RTF) inte läst: {why}"));
                break;
        }
    }

    private static void AppendText(StringBuilder body, IEnumerable<TextSegment> segments)
    {
        foreach (var s in segments)
        {
            if (body.Length > 0 && body[^1] != '\n') body.Append('\n');
            body.Append(s.Text);
        }
    }

    private void ReadAttachment(MsgFile msg, MsgProperties attachment, MsgProperties message, int depth, string prefix, SegmentCollector c, StringBuilder body)
    {
        int method = attachment.Int32(AttachMethod) ?? AttachByValue;
        var embedded = attachment.Object(AttachData);
        var name = attachment.String(AttachLongFileName, 260) ?? attachment.String(AttachFileName, 260) ?? attachment.String(DisplayName, 260);
        if (embedded is not null && method != AttachOle)
        {
            var inner = msg.Properties(embedded, EmbeddedHeader, message.Ansi);
            if (inner.LooksLikeMessage())
            {
                var innerLabel = $"bilaga '{Blank(name) ?? Blank(inner.String(Subject, 260)) ?? "meddelande"}'";
                if (depth + 1 > c.Limits.MaxNestingDepth)
                    c.Note(AttachmentText.Prefixed(prefix, $"{innerLabel} inte läst: för djup nästling (MaxNestingDepth)"));
                else if (EncryptionOf(msg, inner) is not null)
                    c.Note(AttachmentText.Prefixed(prefix, $"{innerLabel} är krypterad"));
                else
                    ReadMessage(msg, inner, depth + 1, AttachmentText.Join(prefix, innerLabel), c);
                return;
            }
        }

        var label = $"bilaga '{Blank(name) ?? "namnlös"}'";
        if (depth + 1 > c.Limits.MaxNestingDepth)
        {
            c.Note(AttachmentText.Prefixed(prefix, $"{label} inte läst: för djup nästling (MaxNestingDepth)"));
            return;
        }
        if (embedded is not null)
        {
            // An OLE object (an embedded Word or Excel object) is a compound file of its own inside this one.
            c.Note(AttachmentText.Prefixed(prefix, $"{label} inte läst: inbäddat OLE-objekt"));
            return;
        }
        if (attachment.StreamOf(AttachData, MsgProperties.TypeBinary) is not { } stream)
        {
            if (method is not (AttachByValue or AttachEmbeddedMessage))
                c.Note(AttachmentText.Prefixed(prefix, $"{label} inte läst: länkad bilaga, innehållet finns inte i meddelandet"));
            return;
        }
        if (stream.Size > (ulong)c.Limits.MaxFileBytes)
        {
            c.Note(AttachmentText.Prefixed(prefix, $"{label} inte läst: större än MaxFileBytes"));
            return;
        }
        var data = msg.Read(stream, msg.MaxStreamBytes);
        // A clear-signed S/MIME message keeps its whole MIME body, in clear, in an attachment "smime.p7m".
        var selectName = Blank(name) ?? "";
        if (IsClearSigned(message) && string.Equals(attachment.String(AttachMimeTag, 200), "multipart/signed", StringComparison.OrdinalIgnoreCase))
            selectName = Path.ChangeExtension(selectName, ".eml");
        ReadAttachedFile(msg, selectName, label, data, depth, prefix, c, body);
    }

    private void ReadAttachedFile(MsgFile msg, string name, string label, byte[] data, int depth, string prefix, SegmentCollector c, StringBuilder body)
    {
        var extractor = selector.Select(name, data.AsSpan(0, Math.Min(data.Length, IExtractorSelector.HeadBytes)));
        if (extractor is null)
        {
            c.Note(AttachmentText.Prefixed(prefix, $"{label} inte läst: formatet stöds inte"));
            return;
        }
        var at = AttachmentText.Join(prefix, label);
        if (extractor is CfbExtractor && OpenMessage(data, c.Token) is { } attached)
        {
            // A .msg attached as a file: read as a message of this one, so the nesting depth holds across it.
            var nested = msg.Nested(attached);
            var inner = nested.Properties(attached.Entries[0], TopLevelHeader, null);
            if (EncryptionOf(nested, inner) is not null) c.Note(AttachmentText.Prefixed(prefix, $"{label} är krypterad"));
            else ReadMessage(nested, inner, depth + 1, at, c);
            return;
        }

        using var stream = new MemoryStream(data, writable: false);
        AttachmentText.Add(c, prefix, label, extractor.Extract(stream, Remaining(c, body, depth + 1), c.Token), () => StopWithBody(c, prefix, body));
    }

    /// <summary>
    /// The limits an attachment is read with: room is kept for the message text read so far (it is added after
    /// the attachments, and it matters more), and the nesting left, so containers inside it count as deeper.
    /// </summary>
    private static ExtractionLimits Remaining(SegmentCollector c, StringBuilder body, int depth) => c.Limits with
    {
        MaxExtractedChars = Math.Max(0, c.Limits.MaxExtractedChars - c.TotalChars - body.Length),
        MaxNestingDepth = Math.Max(0, c.Limits.MaxNestingDepth - depth),
    };

    private static CompoundFile? OpenMessage(byte[] data, CancellationToken ct)
    {
        // Not a readable compound file, or not a message: the CFB extractor reports it as the file it is.
        try
        {
            var file = CompoundFile.Open(new MemoryStream(data, writable: false), ct);
            return IsMessage(file) ? file : null;
        }
        catch (ExtractionStop)
        {
            return null;
        }
    }

    /// <summary>Why the message's content cannot be read (S/MIME or PGP/MIME encryption), or null.</summary>
    private static string? EncryptionOf(MsgFile msg, MsgProperties message)
    {
        var type = message.String(MessageClass, 200) ?? "";
        // [MS-OXOSMIME] 2.1.3.1: "IPM.Note.SMIME" is an encrypted (or opaque-signed) message whose content is the
        // attachment smime.p7m; "IPM.Note.SMIME.MultipartSigned" keeps its content in clear.
        if (type.StartsWith("IPM.Note.SMIME", StringComparison.OrdinalIgnoreCase) && !IsClearSigned(message))
            return "encrypted Outlook message (S/MIME)";
        // PGP/MIME (RFC 3156) travels as an "application/pgp-encrypted" part next to the encrypted data.
        foreach (var storage in message.Storages(AttachmentPrefix))
        {
            var mime = msg.Properties(storage, ObjectHeader, message.Ansi).String(AttachMimeTag, 200);
            if (string.Equals(mime, "application/pgp-encrypted", StringComparison.OrdinalIgnoreCase))
                return "encrypted Outlook message (PGP/MIME)";
        }
        return null;
    }

    private static bool IsClearSigned(MsgProperties message) =>
        (message.String(MessageClass, 200) ?? "").StartsWith("IPM.Note.SMIME.MultipartSigned", StringComparison.OrdinalIgnoreCase);

    private static string? Sender(MsgProperties message)
    {
        var name = Blank(message.String(SenderName, 1024)) ?? Blank(message.String(SentRepresentingName, 1024));
        var address = Smtp(message.String(SenderSmtpAddress, 1024)) ?? Smtp(message.String(SenderEmail, 1024))
            ?? Smtp(message.String(SentRepresentingSmtpAddress, 1024)) ?? Smtp(message.String(SentRepresentingEmail, 1024));
        return Address(name, address);
    }

    private static List<(int Type, string Address)> Recipients(MsgFile msg, MsgProperties message)
    {
        var result = new List<(int, string)>();
        foreach (var storage in message.Storages(RecipientPrefix))
        {
            msg.Token.ThrowIfCancellationRequested();
            var r = msg.Properties(storage, ObjectHeader, message.Ansi);
            // PidTagRecipientType: 1 To, 2 Cc, 3 Bcc; the high bits are flags (resend, sent).
            int type = (r.Int32(RecipientType) ?? 1) & 0x0F;
            var name = Blank(r.String(DisplayName, 1024));
            var address = Smtp(r.String(SmtpAddress, 1024)) ?? Smtp(r.String(EmailAddress, 1024));
            if (Address(name, address) is { } text) result.Add((type, text));
        }
        return result;
    }

    private static string? Addresses(List<(int Type, string Address)> recipients, int type)
    {
        var list = recipients.Where(r => r.Type == type).Select(r => r.Address).ToList();
        return list.Count == 0 ? null : string.Join(", ", list);
    }

    private static string? Address(string? name, string? address) => (name, address) switch
    {
        (null, null) => null,
        (null, _) => address,
        (_, null) => name,
        _ when string.Equals(name, address, StringComparison.OrdinalIgnoreCase) => address,
        _ => $"\"{name}\" <{address}>",
    };

    /// <summary>An internet address; an Exchange distinguished name ("/O=.../CN=...") is no address a reader knows.</summary>
    private static string? Smtp(string? value) =>
        Blank(value) is { } v && v.Contains('@', StringComparison.Ordinal) && !v.StartsWith('/') ? v : null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static void AppendHeader(StringBuilder sb, string label, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value)) sb.Append(label).Append(": ").Append(value.Trim()).Append('\n');
    }

    /// <summary>Adds the message text read so far (cut at the limit) and ends the extraction with what was read.</summary>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void StopWithBody(SegmentCollector c, string prefix, StringBuilder body)
    {
        var text = body.ToString();
        body.Clear();
        Add(c, prefix, SegmentKind.Body, "meddelandetext", text);
        c.StopAtLimit();
    }

    private static void Add(SegmentCollector c, string prefix, SegmentKind kind, string location, string text)
    {
        if (prefix.Length == 0) c.Add(kind, location, text);
        else c.Add(SegmentKind.Attachment, $"{prefix}: {location}", text);
    }

}
