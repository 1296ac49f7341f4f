using ClassScan.Core.Documents;
using ClassScan.Extraction.Internal;

namespace ClassScan.Extraction.Mail;

/// <summary>
/// What reading one e-mail attachment gave, added to the message's text: the one rule for .eml and .msg alike.
/// Text becomes Attachment segments located "bilaga 'namn': sida 2"; an archive's files each theirs
/// ("bilaga 'a.zip'!/mapp/b.docx: brödtext"); an attachment that cannot be read is a note, never a failure of
/// the message; a limit reached inside an attachment is the message's limit too.
/// </summary>
internal static class AttachmentText
{
    /// <param name="prefix">Where the message itself sits ("" at top level, "bilaga 'x.msg'" for an attached message).</param>
    /// <param name="label">The attachment as the reader names it ("bilaga 'beslut.docx'").</param>
    /// <param name="stopWithBody">Adds the message text read so far and stops: called when the attachment used up the text limit.</param>
    public static void Add(SegmentCollector c, string prefix, string label, ExtractionResult result, Action stopWithBody)
    {
        var at = Join(prefix, label);
        switch (result)
        {
            case ExtractionResult.Text(var inner):
                foreach (var s in inner.Segments) c.Add(SegmentKind.Attachment, $"{at}: {s.Location}", s.Text);
                foreach (var n in inner.Notes) c.Note($"{at}: {n}");
                break;
            case ExtractionResult.PartialText partial:
                // The attachment used up what was left of MaxExtractedChars: keep the part it read, then stop the message.
                foreach (var s in partial.Content.Segments) c.Add(SegmentKind.Attachment, $"{at}: {s.Location}", s.Text);
                stopWithBody();
                break;
            case ExtractionResult.Container archive:
                // An archive attached: its files are read as the message's other attachments are, entry by entry.
                foreach (var entry in archive.Entries)
                {
                    if (entry.Result.TextRead is { } entryText)
                    {
                        foreach (var s in entryText.Segments) c.Add(SegmentKind.Attachment, $"{at}!/{entry.Path}: {s.Location}", s.Text);
                        foreach (var n in entryText.Notes) c.Note($"{at}!/{entry.Path}: {n}");
                    }
                    else if (entry.Result is ExtractionResult.Failure failed)
                    {
                        c.Note(Prefixed(prefix, $"{label}!/{entry.Path} inte läst: {failed.Reason}"));
                    }
                }
                foreach (var n in archive.Notes) c.Note($"{at}: {n}");
                break;
            case ExtractionResult.Encrypted:
                c.Note(Prefixed(prefix, $"{label} är krypterad och kunde inte läsas"));
                break;
            case ExtractionResult.Unsupported(var why):
                c.Note(Prefixed(prefix, $"{label} inte läst: {why}"));
                break;
            case ExtractionResult.Corrupt(var why):
                c.Note(Prefixed(prefix, $"{label} är skadad: {why}"));
                break;
            case var other:
                // A limit inside an attachment (a zip bomb, too many pages) is the message's limit too.
                throw new ExtractionStop(other);
        }
    }

    public static string Join(string prefix, string label) => prefix.Length == 0 ? label : $"{prefix}: {label}";

    public static string Prefixed(string prefix, string note) => prefix.Length == 0 ? note : $"{prefix}: {note}";
}
