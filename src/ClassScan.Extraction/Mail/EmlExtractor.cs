using System.Text;
using ClassScan.Core.Documents;
using ClassScan.Extraction.Internal;
using ClassScan.Extraction.Text;
using MimeKit;
using MimeKit.Cryptography;

namespace ClassScan.Extraction.Mail;

/// <summary>
/// E-mail (.eml, RFC 5322/MIME) via MimeKit: From/To/Cc/Subject ("rubrik"), the plain-text body (or the HTML
/// body as text), and attachments, which are handed to the selector so a PDF or DOCX attachment is read like
/// a file (segments of kind Attachment, "bilaga 'namn'"); attached messages are followed up to
/// <see cref="ExtractionLimits.MaxNestingDepth"/>. An attachment that cannot be read becomes a note, not a
/// failure of the whole message. An encrypted message (S/MIME enveloped, PGP/MIME) is
/// <see cref="ExtractionResult.Encrypted"/>. Thread-safe; holds only the selector.
/// </summary>
internal sealed class EmlExtractor : ITextExtractor
{
    private readonly IExtractorSelector selector;

    public EmlExtractor(IExtractorSelector selector)
    {
        this.selector = selector;
    }

    public string Name => "mimekit-eml";

    public ExtractionResult Extract(DocumentContent content, ExtractionLimits limits, CancellationToken ct) =>
        ExtractionStop.Run(() => Read(content.Stream, limits, ct));

    private ExtractionResult Read(Stream content, ExtractionLimits limits, CancellationToken ct)
    {
        var bytes = InputGuard.ReadAll(content, limits, ct);
        var c = new SegmentCollector(limits, ct);
        if (bytes.AsSpan().IndexOfAnyExcept(" \t\r\n"u8) < 0) return c.Result(); // an empty file is an empty message
        // MIME is a byte protocol; a message saved as UTF-16 text is transcoded so MimeKit can parse it.
        if (TextDecoding.IsUtf16(bytes)) bytes = Encoding.UTF8.GetBytes(TextDecoding.Decode(bytes));
        using var input = new MemoryStream(bytes, writable: false);
        var message = Parse(input, ct);
        if (IsEncrypted(message.Body)) return new ExtractionResult.Encrypted("encrypted e-mail (S/MIME or PGP/MIME)");
        ReadMessage(message, 0, "", c);
        return c.Result();
    }

    private static MimeMessage Parse(Stream content, CancellationToken ct)
    {
        var options = ParserOptions.Default.Clone();
        options.MaxMimeDepth = 64; // deeper multipart nesting is hostile, not mail
        try
        {
            return MimeMessage.Load(options, content, ct);
        }
        catch (Exception ex) when (ex is FormatException or ParseException or InvalidOperationException or ArgumentException)
        {
            throw ExtractionStop.Corrupt($"unreadable e-mail ({ex.GetType().Name})");
        }
    }

    private void ReadMessage(MimeMessage message, int depth, string prefix, SegmentCollector c)
    {
        var header = new StringBuilder();
        AppendHeader(header, "Från", message.From);
        AppendHeader(header, "Till", message.To);
        AppendHeader(header, "Kopia", message.Cc);
        if (!string.IsNullOrWhiteSpace(message.Subject)) header.Append("Ämne: ").Append(message.Subject).Append('\n');
        Add(c, prefix, SegmentKind.Metadata, "rubrik", header.ToString());

        var body = new StringBuilder();
        if (message.Body is { } root) Walk(root, depth, prefix, c, body);
        Add(c, prefix, SegmentKind.Body, "meddelandetext", body.ToString());
    }

    private void Walk(MimeEntity entity, int depth, string prefix, SegmentCollector c, StringBuilder body)
    {
        c.Token.ThrowIfCancellationRequested();
        switch (entity)
        {
            case Multipart mp when IsEncrypted(mp):
                c.Note(AttachmentText.Prefixed(prefix, "krypterad meddelandedel kunde inte läsas"));
                break;
            case Multipart { ContentType.MediaSubtype: var sub } mp when sub.Equals("alternative", StringComparison.OrdinalIgnoreCase):
                // One rendering of the same content: plain text if offered, else the richest (last) part.
                var plain = mp.OfType<TextPart>().FirstOrDefault(t => t.IsPlain && !t.IsAttachment);
                var chosen = plain ?? mp.LastOrDefault();
                if (chosen is not null) Walk(chosen, depth, prefix, c, body);
                break;
            case Multipart mp:
                foreach (var child in mp) Walk(child, depth, prefix, c, body);
                break;
            case MessagePart { Message: { } inner } part:
                var label = $"bilaga '{part.ContentDisposition?.FileName ?? inner.Subject ?? "meddelande"}'";
                if (depth + 1 > c.Limits.MaxNestingDepth)
                    c.Note(AttachmentText.Prefixed(prefix, $"{label} inte läst: för djup nästling (MaxNestingDepth)"));
                else if (IsEncrypted(inner.Body))
                    c.Note(AttachmentText.Prefixed(prefix, $"{label} är krypterad"));
                else
                    ReadMessage(inner, depth + 1, AttachmentText.Join(prefix, label), c);
                break;
            case TextPart text when !text.IsAttachment && (text.IsPlain || text.IsHtml):
                var value = text.IsHtml ? HtmlText.Convert(text.Text ?? "", c.Token).Text : text.Text ?? "";
                if (body.Length > 0 && body[^1] != '\n') body.Append('\n');
                body.Append(value);
                // Past MaxExtractedChars: the message text up to the limit is kept, then extraction stops.
                if (c.TotalChars + body.Length > c.Limits.MaxExtractedChars) StopWithBody(c, prefix, body);
                break;
            case MimePart part:
                ReadAttachment(part, depth, prefix, c, body);
                break;
        }
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

    private void ReadAttachment(MimePart part, int depth, string prefix, SegmentCollector c, StringBuilder body)
    {
        var name = part.FileName ?? DefaultName(part.ContentType);
        var label = $"bilaga '{name}'";
        if (depth + 1 > c.Limits.MaxNestingDepth)
        {
            c.Note(AttachmentText.Prefixed(prefix, $"{label} inte läst: för djup nästling (MaxNestingDepth)"));
            return;
        }
        if (part.Content is null) return;

        using var data = new MemoryStream();
        part.Content.DecodeTo(data, c.Token);
        if (data.Length > c.Limits.MaxFileBytes)
        {
            c.Note(AttachmentText.Prefixed(prefix, $"{label} inte läst: större än MaxFileBytes"));
            return;
        }
        var head = data.GetBuffer().AsSpan(0, (int)Math.Min(data.Length, IExtractorSelector.HeadBytes));
        var extractor = selector.Select(name, head);
        data.Position = 0;
        if (extractor is null)
        {
            c.Note(AttachmentText.Prefixed(prefix, $"{label} inte läst: formatet stöds inte"));
            return;
        }
        if (extractor is EmlExtractor)
        {
            ReadMessage(Parse(data, c.Token), depth + 1, AttachmentText.Join(prefix, label), c);
            return;
        }

        // Room is kept for the message text read so far: it is added after the attachments, and it matters more.
        // The nesting left goes along, so a container inside (an Outlook message, an archive) counts as deeper.
        var remaining = c.Limits with
        {
            MaxExtractedChars = Math.Max(0, c.Limits.MaxExtractedChars - c.TotalChars - body.Length),
            MaxNestingDepth = Math.Max(0, c.Limits.MaxNestingDepth - depth - 1),
        };
        AttachmentText.Add(c, prefix, label, extractor.Extract(data, remaining, c.Token), () => StopWithBody(c, prefix, body));
    }

    private static bool IsEncrypted(MimeEntity? entity) => entity switch
    {
        MultipartEncrypted => true,
        Multipart { ContentType.MediaSubtype: var sub } when sub.Equals("encrypted", StringComparison.OrdinalIgnoreCase) => true,
        ApplicationPkcs7Mime p => p.SecureMimeType is SecureMimeType.EnvelopedData or SecureMimeType.AuthEnvelopedData,
        _ => false,
    };

    private static string DefaultName(ContentType type) => type.MimeType.ToLowerInvariant() switch
    {
        "text/plain" => "namnlös.txt",
        "text/html" => "namnlös.html",
        "text/csv" => "namnlös.csv",
        "application/pdf" => "namnlös.pdf",
        "message/rfc822" => "namnlös.eml",
        _ => $"namnlös ({type.MimeType})",
    };

    private static void AppendHeader(StringBuilder sb, string label, InternetAddressList list)
    {
        if (list.Count > 0) sb.Append(label).Append(": ").Append(list.ToString()).Append('\n');
    }

    private static void Add(SegmentCollector c, string prefix, SegmentKind kind, string location, string text)
    {
        if (prefix.Length == 0) c.Add(kind, location, text);
        else c.Add(SegmentKind.Attachment, $"{prefix}: {location}", text);
    }

}
