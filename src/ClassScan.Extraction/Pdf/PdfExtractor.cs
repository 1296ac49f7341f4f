using System.Text;
using ClassScan.Core.Documents;
using ClassScan.Extraction.Internal;
using UglyToad.PdfPig;
using UglyToad.PdfPig.AcroForms;
using UglyToad.PdfPig.AcroForms.Fields;
using UglyToad.PdfPig.Exceptions;
using UglyToad.PdfPig.Tokens;

namespace ClassScan.Extraction.Pdf;

/// <summary>
/// PDF via PdfPig: text per page ("sida N") in content-stream order, which keeps a number written in several
/// text operations ("19121212" + "-1212") contiguous; filled-in form fields and the document information.
/// Pages without letters are counted (scanned pages hide their content from every detector).
/// A PDF that needs a user password is <see cref="ExtractionResult.Encrypted"/>; one with an empty user
/// password opens normally. A page that fails is noted and the rest are read. Pages are read by
/// <see cref="TextOnlyPageFactory"/> (glyphs only: the same text as PdfPig's full page; content streams read by
/// <see cref="TextOnlyContentParser"/> for their text operations, so no token is made for a path) and spaced as
/// PdfPig's content-order extractor does
/// (<see cref="ContentOrderText"/>). PdfPig has no cancellation, so
/// <see cref="ExtractionLimits.MaxExtractionTime"/> is checked between pages: past it, the pages read so far are the
/// result (<see cref="ExtractionResult.PartialText"/>), or <see cref="ExtractionResult.TimedOut"/> when none had text.
/// Form fields and document information are read only when the catalog has a form and the trailer an
/// information dictionary. Stateless and thread-safe.
/// </summary>
internal sealed class PdfExtractor : ITextExtractor
{
    private readonly TimeProvider time;

    public static PdfExtractor Instance { get; } = new(TimeProvider.System);

    /// <param name="time">The clock <see cref="ExtractionLimits.MaxExtractionTime"/> is measured on (tests step it).</param>
    internal PdfExtractor(TimeProvider time)
    {
        this.time = time;
    }

    public string Name => "pdfpig";

    public ExtractionResult Extract(DocumentContent content, ExtractionLimits limits, CancellationToken ct) =>
        ExtractionStop.Run(() => Read(content.Stream, limits, ct));

    private ExtractionResult Read(Stream content, ExtractionLimits limits, CancellationToken ct)
    {
        var started = time.GetTimestamp();
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
            doc.AddPageFactory<PdfTextPage, TextOnlyPageFactory>();
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
                if (time.GetElapsedTime(started) > limits.MaxExtractionTime)
                    return OverTime(c, limits, pagesRead: i - 1, pages, withoutText + failed);
                string text;
                try
                {
                    text = doc.GetPage<PdfTextPage>(i).Text;
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

            if (doc.Structure.Catalog.CatalogDictionary.ContainsKey(NameToken.AcroForm)) AddFormFields(doc, c);
            if (doc.Information.DocumentInformationDictionary is { Data.Count: > 0 }) AddInformation(doc, c);
            return c.Result(withoutText + failed, pages, textless);
        }
    }

    /// <summary>
    /// <see cref="ExtractionLimits.MaxExtractionTime"/> passed before page <paramref name="pagesRead"/> + 1: the pages
    /// read are judged like text cut at <see cref="ExtractionLimits.MaxExtractedChars"/> (more pages can only add
    /// findings); with no text read the file timed out. Form fields and document information are not read.
    /// </summary>
    private static ExtractionResult OverTime(SegmentCollector c, ExtractionLimits limits, int pagesRead, int pages, int pagesWithoutText)
    {
        var seconds = limits.MaxExtractionTime.TotalSeconds;
        var read = c.Build(pagesWithoutText, pages);
        if (read.IsBlank)
            return new ExtractionResult.TimedOut($"tidsgräns: PDF-filen lästes inte klart på {seconds:0.#} s (MaxExtractionTime), {pagesRead} av {pages} sidor lästa, ingen text");
        var note = $"bara de första {pagesRead} av {pages} sidorna lästes på {seconds:0.#} s (MaxExtractionTime)";
        var partial = new ExtractedText(read.Segments, [.. read.Notes, note], pagesWithoutText, pages) { Truncated = true };
        return new ExtractionResult.PartialText(partial, (long)limits.MaxExtractionTime.TotalMilliseconds);
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
