using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ClassScan.Core.Documents;
using ClassScan.Core.Scanning;

namespace ClassScan.Pipeline;

/// <summary>
/// The OCR stage's work on one file (the channel and its workers are <see cref="ScanPipeline"/>'s): reads the pages
/// the extractor found without a text layer through <see cref="IPageRecognizer"/>, page by page within the per-page
/// and per-file time limits and the page cap, and merges the text into the document as "sida N (OCR)" segments in
/// page order, so evidence says the number was read by OCR. A page that could not be read is never dropped: it is
/// in <see cref="OcrOutcome.Unread"/>, a note, and <see cref="Finish"/> keeps such a file off the clean list unless
/// what was read already makes it must-leave. Thread-safe (no state but settings).
/// </summary>
internal sealed partial class OcrStage(IPageRecognizer recognizer, ScanOptions options, ScanProgress progress)
{
    /// <summary>The location suffix of a segment read by OCR ("sida 3 (OCR)").</summary>
    public const string LocationSuffix = " (OCR)";

    private const int MaxDetailLength = 300;

    /// <summary>Whether OCR has something to read in this extraction: whole text with pages that had no text layer.</summary>
    public static bool Needs(DocumentExtraction extraction) =>
        extraction.Result is ExtractionResult.Text { Content.TextlessPages.Count: > 0 };

    /// <summary>
    /// Reads the textless pages of <paramref name="extraction"/> (which <see cref="Needs"/>) from <paramref name="localPath"/>.
    /// Throws only <see cref="OperationCanceledException"/> for <paramref name="ct"/> (an abort).
    /// </summary>
    public async Task<(DocumentExtraction Extraction, OcrOutcome Outcome)> ReadAsync(DocumentExtraction extraction, string localPath, CancellationToken ct)
    {
        var text = extraction.Result.TextRead!;
        var read = new List<(int Page, string Text)>();
        var unread = new List<(int Page, string Reason)>();
        var blank = 0;
        using var file = CancellationTokenSource.CreateLinkedTokenSource(ct);
        file.CancelAfter(options.OcrFileTimeout);
        for (var i = 0; i < text.TextlessPages.Count; i++)
        {
            var page = text.TextlessPages[i];
            if (i >= options.MaxOcrPages)
            {
                unread.Add((page, $"högst {options.MaxOcrPages} sidor per fil läses med OCR (MaxOcrPages)"));
                continue;
            }
            if (file.IsCancellationRequested)
            {
                unread.Add((page, FileTimeout()));
                continue;
            }
            using var pageLimit = CancellationTokenSource.CreateLinkedTokenSource(file.Token);
            pageLimit.CancelAfter(options.OcrPageTimeout);
            var clock = Stopwatch.StartNew();
            PageRecognition result;
            try
            {
                result = await recognizer.RecognizeAsync(localPath, page, pageLimit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                unread.Add((page, file.IsCancellationRequested ? FileTimeout() : $"tidsgräns {options.OcrPageTimeout.TotalSeconds:0} s per sida"));
                continue;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The port says it never throws for a page; if it does, the page is unread, not the scan ended.
                unread.Add((page, $"OCR-fel ({ex.GetType().Name})"));
                continue;
            }
            finally
            {
                progress.AddOcrPage(clock.Elapsed);
            }
            if (result.Failure is { } why) unread.Add((page, why));
            else if (string.IsNullOrWhiteSpace(result.Text)) blank++;
            else read.Add((page, result.Text!));
        }

        var outcome = new OcrOutcome(read.Count, blank, unread, text.PageCount);
        var merged = Merge(text, read, outcome, options.Limits.MaxExtractedChars);
        ExtractionResult result2 = merged.Truncated
            ? new ExtractionResult.PartialText(merged, options.Limits.MaxExtractedChars)
            : new ExtractionResult.Text(merged);
        return (extraction with { Result = result2 }, outcome);
    }

    private string FileTimeout() => $"tidsgräns {options.OcrFileTimeout.TotalSeconds:0} s för OCR av filen";

    /// <summary>
    /// The document with the OCR'd pages as Body segments "sida N (OCR)", each placed after the text-layer segments of
    /// its page and before those of later pages; segments without a page (form fields, document properties) stay
    /// after the pages. The extractor's note that pages lack a text layer gives way to what OCR did. Text beyond
    /// <paramref name="maxChars"/> is cut and the result marked truncated, as an extractor would.
    /// </summary>
    internal static ExtractedText Merge(ExtractedText text, IReadOnlyList<(int Page, string Text)> pages, OcrOutcome outcome, long maxChars)
    {
        var room = maxChars - text.TotalChars;
        var truncated = text.Truncated;
        var ocrSegments = new List<(int Page, TextSegment Segment)>();
        foreach (var (page, body) in pages.OrderBy(p => p.Page))
        {
            if (room <= 0)
            {
                truncated = true;
                break;
            }
            var kept = body.Length > room ? body[..(int)room] : body;
            if (kept.Length < body.Length) truncated = true;
            room -= kept.Length;
            ocrSegments.Add((page, new TextSegment(SegmentKind.Body, Location(page), kept.Trim())));
        }

        var segments = new List<TextSegment>(text.Segments.Count + ocrSegments.Count);
        var next = 0;
        foreach (var s in text.Segments)
        {
            var p = PageOf(s.Location);
            // Before a segment of page p (or the first without a page) come the OCR'd pages before p.
            while (next < ocrSegments.Count && (p is null || ocrSegments[next].Page < p)) segments.Add(ocrSegments[next++].Segment);
            segments.Add(s);
        }
        while (next < ocrSegments.Count) segments.Add(ocrSegments[next++].Segment);

        var notes = text.Notes.Where(n => !n.Contains("saknar textlager", StringComparison.Ordinal)).ToList();
        if (outcome.PagesRead + outcome.PagesBlank > 0)
            notes.Add(text.PageCount <= 1 && text.Segments.Count == 0
                ? "lästes med OCR"
                : $"{outcome.PagesRead + outcome.PagesBlank} av {text.PageCount} sidor lästes med OCR");
        if (outcome.Unread.Count > 0) notes.Add(UnreadDetail(outcome));
        if (truncated && !text.Truncated) notes.Add($"bara de första {maxChars:N0} tecknen lästes (MaxExtractedChars)");

        var unreadPages = outcome.Unread.Select(u => u.Page).Order().ToArray();
        return new ExtractedText(segments, notes, outcome.Unread.Count + outcome.PagesBlank, text.PageCount)
        {
            Truncated = truncated,
            TextlessPages = unreadPages,
        };
    }

    /// <summary>
    /// The row for a file OCR worked on, from the judge's row: a file with unread pages whose read part does not make
    /// it must-leave is not clean (no-text, for a person to look at); a file OCR found nothing on says so; a file that
    /// needed OCR when none was there says "OCR saknas". Any other row is returned as it is.
    /// </summary>
    public static ScanResult Finish(ScanResult result, OcrOutcome ocr)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(ocr);
        if (ocr.Missing is { } missing)
        {
            return result.Status == ScanStatus.NoText
                ? result with { StatusDetail = $"OCR saknas ({missing}): {result.StatusDetail}" }
                : result;
        }
        if (ocr.Unread.Count > 0)
        {
            if (result.Status == ScanStatus.NoText)
                return result with { StatusDetail = UnreadDetail(ocr) };
            if (result.Status == ScanStatus.Ok && !result.MustLeave)
            {
                return new ScanResult
                {
                    Item = result.Item,
                    Status = ScanStatus.NoText,
                    StatusDetail = UnreadDetail(ocr) + "; det som lästes räcker inte för en bedömning",
                    Extractor = result.Extractor,
                };
            }
            return result;
        }
        if (result.Status == ScanStatus.NoText && ocr.PagesBlank > 0)
            return result with { StatusDetail = $"OCR hittade ingen text ({ocr.PagesBlank} av {ocr.PageCount} sidor lästa)" };
        return result;
    }

    /// <summary>"OCR kunde inte läsa sida 4 av 7 (tidsgräns 60 s per sida)"; several pages are grouped by cause in page ranges.</summary>
    internal static string UnreadDetail(OcrOutcome ocr)
    {
        var of = ocr.PageCount > 0 ? ocr.PageCount : ocr.Unread.Count;
        if (ocr.Unread.Count == 1)
            return Cut($"OCR kunde inte läsa sida {ocr.Unread[0].Page} av {of} ({ocr.Unread[0].Reason})");
        var groups = ocr.Unread.GroupBy(u => u.Reason, StringComparer.Ordinal)
            .Select(g => $"{Ranges(g.Select(u => u.Page))} ({g.Key})");
        return Cut($"OCR kunde inte läsa {ocr.Unread.Count} av {of} sidor: sida {string.Join("; sida ", groups)}");
    }

    private static string Cut(string s) => s.Length <= MaxDetailLength ? s : s[..(MaxDetailLength - 1)] + "…";

    private static string Ranges(IEnumerable<int> pages)
    {
        var sorted = pages.Order().ToList();
        var sb = new StringBuilder();
        for (var i = 0; i < sorted.Count;)
        {
            var j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j] + 1) j++;
            if (sb.Length > 0) sb.Append(", ");
            sb.Append(sorted[i].ToString(CultureInfo.InvariantCulture));
            if (j > i) sb.Append('–').Append(sorted[j].ToString(CultureInfo.InvariantCulture));
            i = j + 1;
        }
        return sb.ToString();
    }

    /// <summary>"sida 3 (OCR)"; an image is page 1.</summary>
    internal static string Location(int page) => $"sida {page.ToString(CultureInfo.InvariantCulture)}{LocationSuffix}";

    private static int? PageOf(string location)
    {
        var m = PageLocation().Match(location);
        return m.Success && int.TryParse(m.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : null;
    }

    [GeneratedRegex(@"^sida ([0-9]{1,6})(?: |$)", RegexOptions.CultureInvariant)]
    private static partial Regex PageLocation();
}
