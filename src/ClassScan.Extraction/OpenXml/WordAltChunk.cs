using ClassScan.Core.Documents;
using ClassScan.Extraction.Internal;
using ClassScan.Extraction.Text;
using DocumentFormat.OpenXml.Packaging;
using MimeKit;

namespace ClassScan.Extraction.OpenXml;

/// <summary>
/// altChunk parts: content imported into a Word document as HTML, MHT or plain text, which Word only merges
/// when the file is opened. Generated documents (web exports, mail merge) often carry all their text this way.
/// Other chunk types (RTF, nested DOCX) are noted as not read.
/// </summary>
internal static class WordAltChunk
{
    public static void Read(AlternativeFormatImportPart part, SegmentCollector c)
    {
        var type = part.ContentType.ToLowerInvariant();
        byte[] bytes;
        using (var stream = part.GetStream(FileMode.Open, FileAccess.Read))
            bytes = InputGuard.ReadAll(stream, c.Limits, c.Token);

        string? text = type switch
        {
            "text/html" or "application/xhtml+xml" => HtmlText.Convert(TextDecoding.Decode(bytes, sniffDeclaredCharset: true), c.Token).Text,
            "text/plain" => TextDecoding.Decode(bytes),
            "message/rfc822" or "multipart/related" => Mht(bytes, c.Token),
            _ => null,
        };
        if (text is null)
        {
            c.Note($"inbäddat innehåll ({type}) i {part.Uri} lästes inte");
            return;
        }
        c.Add(SegmentKind.Body, WordLocations.Body, text);
    }

    private static string Mht(byte[] bytes, CancellationToken ct)
    {
        using var ms = new MemoryStream(bytes, writable: false);
        var message = MimeMessage.Load(ms, ct);
        if (message.HtmlBody is { } html) return HtmlText.Convert(html, ct).Text;
        return message.TextBody ?? "";
    }
}
