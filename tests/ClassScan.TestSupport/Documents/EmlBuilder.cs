using MimeKit;

namespace ClassScan.TestSupport.Documents;

/// <summary>
/// Writes an RFC 5322 e-mail (.eml) with MimeKit: headers, a plain and/or HTML body, file attachments and
/// attached messages (message/rfc822).
/// <code>var bytes = new EmlBuilder().From("a@example.se").Subject("Hej").Text("Brödtext").Attach("b.txt", data).Build();</code>
/// </summary>
public sealed class EmlBuilder
{
    private readonly MimeMessage message = new();
    private readonly BodyBuilder body = new();

    public EmlBuilder From(string address, string? name = null)
    {
        message.From.Add(new MailboxAddress(name ?? "", address));
        return this;
    }

    public EmlBuilder To(string address, string? name = null)
    {
        message.To.Add(new MailboxAddress(name ?? "", address));
        return this;
    }

    public EmlBuilder Cc(string address, string? name = null)
    {
        message.Cc.Add(new MailboxAddress(name ?? "", address));
        return this;
    }

    public EmlBuilder Subject(string subject)
    {
        message.Subject = subject;
        return this;
    }

    public EmlBuilder Text(string text)
    {
        body.TextBody = text;
        return this;
    }

    public EmlBuilder Html(string html)
    {
        body.HtmlBody = html;
        return this;
    }

    /// <summary>A file attachment; the content type is guessed from the name.</summary>
    public EmlBuilder Attach(string fileName, byte[] content)
    {
        body.Attachments.Add(fileName, content);
        return this;
    }

    /// <summary>An attached message (message/rfc822), e.g. another <see cref="EmlBuilder"/>'s output.</summary>
    public EmlBuilder AttachMessage(byte[] eml)
    {
        using var ms = new MemoryStream(eml);
        body.Attachments.Add(new MessagePart { Message = MimeMessage.Load(ms) });
        return this;
    }

    public byte[] Build()
    {
        if (message.From.Count == 0) message.From.Add(new MailboxAddress("Avsändare", "avsandare@example.se"));
        message.Date = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);
        message.Body = body.ToMessageBody();
        using var ms = new MemoryStream();
        message.WriteTo(ms);
        return ms.ToArray();
    }
}
