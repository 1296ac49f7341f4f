using System.Text;
using ClassScan.Core.Documents;
using ClassScan.Extraction.Internal;
using UglyToad.PdfPig;
using UglyToad.PdfPig.AcroForms;
using UglyToad.PdfPig.AcroForms.Fields;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Exceptions;

namespace ClassScan.Extraction.Pdf;

/// <summary>
/// PDF via PdfPig: text per page ("sida N") in content-stream order, which keeps a number written in several
/// text operations ("19121212" + "-1212") contiguous; filled-in form fields and the document information.
/// Pages without letters are counted (scanned pages hide their content from every detector).
/// A PDF that needs a user password is <see cref="ExtractionResult.Encrypted"/>; one with an empty user
/// password opens normally. A page that fails is noted and the rest are read. Stateless and thread-safe.
/// </summary>
internal sealed class PdfExtractor : ITextExtractor
{
    public static PdfExtractor Instance { get; } = new();

    private PdfExtractor()
    {
    }

    public string Name => "pdfpig";

    public ExtractionResult Extract(DocumentContent content, ExtractionLimits limits, CancellationToken ct) =>
        ExtractionStop.Run(() => Read(content.Stream, limits, ct));

    private static ExtractionResult Read(Stream content, ExtractionLimits limits, CancellationToken ct)
    {
        var bytes = InputGuard.ReadAll(content, limits, ct);
        var c = new SegmentCollector(limits, ct);
        var formCandidates = PdfPreflight.Check(bytes, ct);
        PdfDocument doc;
        try
        {
            doc = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true, ClipPaths = false });
        }
        catch (PdfDocumentEncryptedException ex)
        {
            return new ExtractionResult.Encrypted($"password-protected PDF ({ShortCause(ex)})");
        }
        catch (Exception ex) when (IsLibraryFailure(ex))
        {
            return new ExtractionResult.Corrupt($"unreadable PDF ({ex.GetType().Name})");
        }

        using (doc)
        {
            int pages;
            try
            {
                pages = doc.NumberOfPages;
            }
            catch (Exception ex) when (IsLibraryFailure(ex))
            {
                return new ExtractionResult.Corrupt($"unreadable PDF page tree ({ex.GetType().Name})");
            }
            if (pages > limits.MaxPdfPages)
                return new ExtractionResult.LimitReached(nameof(ExtractionLimits.MaxPdfPages),
                    $"{pages:N0} pages, more than {limits.MaxPdfPages:N0} (MaxPdfPages)");

            try
            {
                PdfFormGraph.Check(doc, formCandidates, ct);
            }
            catch (Exception ex) when (IsLibraryFailure(ex))
            {
                return new ExtractionResult.Corrupt($"unreadable PDF object structure ({ex.GetType().Name})");
            }

            int withoutText = 0;
            int failed = 0;
            // The pages counted as without text, by number: the OCR stage renders exactly these (a page PdfPig
            // could not parse may still render).
            var textless = new List<int>();
            Exception? firstFailure = null;
            for (int i = 1; i <= pages; i++)
            {
                ct.ThrowIfCancellationRequested();
                string text;
                try
                {
                    var page = doc.GetPage(i);
                    text = ContentOrderTextExtractor.GetText(page);
                }
                catch (PdfDocumentEncryptedException ex)
                {
                    return new ExtractionResult.Encrypted($"password-protected PDF ({ShortCause(ex)})");
                }
                catch (Exception ex) when (IsLibraryFailure(ex))
                {
                    failed++;
                    firstFailure ??= ex;
                    textless.Add(i);
                    continue;
                }
                if (!text.Any(char.IsLetter))
                {
                    withoutText++;
                    textless.Add(i);
                }
                c.Add(SegmentKind.Body, $"sida {i}", text);
            }

            if (pages > 0 && failed == pages)
                return new ExtractionResult.Corrupt($"no page of the PDF could be read ({firstFailure!.GetType().Name})");
            if (failed > 0) c.Note($"{failed} av {pages} sidor kunde inte läsas");
            if (withoutText > 0) c.Note($"{withoutText} av {pages} sidor saknar textlager (skannade?)");

            AddFormFields(doc, c);
            AddInformation(doc, c);
            return c.Result(withoutText + failed, pages, textless);
        }
    }

    private static void AddFormFields(PdfDocument doc, SegmentCollector c)
    {
        try
        {
            if (!doc.TryGetForm(out var form)) return;
            var sb = new StringBuilder();
            foreach (var field in form.GetFields())
            {
                if (field is AcroTextField { Value: { Length: > 0 } value })
                    sb.Append(field.Information.PartialName).Append(": ").Append(value).Append('\n');
            }
            c.Add(SegmentKind.Body, "formulärfält", sb.ToString());
        }
        catch (Exception ex) when (IsLibraryFailure(ex))
        {
            c.Note("formulärfälten kunde inte läsas");
        }
    }

    private static void AddInformation(PdfDocument doc, SegmentCollector c)
    {
        try
        {
            var info = doc.Information;
            var sb = new StringBuilder();
            if (!string.IsNullOrWhiteSpace(info.Title)) sb.Append("Titel: ").Append(info.Title).Append('\n');
            if (!string.IsNullOrWhiteSpace(info.Subject)) sb.Append("Ämne: ").Append(info.Subject).Append('\n');
            if (!string.IsNullOrWhiteSpace(info.Keywords)) sb.Append("Nyckelord: ").Append(info.Keywords).Append('\n');
            c.Add(SegmentKind.Metadata, "dokumentegenskaper", sb.ToString());
        }
        catch (Exception ex) when (IsLibraryFailure(ex))
        {
            c.Note("dokumentegenskaperna kunde inte läsas");
        }
    }

    /// <summary>PdfPig's messages name the encryption scheme, not content; keep them short.</summary>
    private static string ShortCause(Exception ex) =>
        ex.Message.Length <= 120 ? ex.Message : ex.Message[..120];

    private static bool IsLibraryFailure(Exception ex) => ExtractionStop.IsLibraryFailure(ex);
}
