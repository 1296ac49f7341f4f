namespace ClassScan.Pipeline;

/// <summary>
/// What the OCR stage did with one file that had pages without a text layer, for the judge stage's row: pages read,
/// pages OCR found blank, pages it could not read and why, or why OCR was not there at all.
/// </summary>
/// <param name="PagesRead">Pages that gave text.</param>
/// <param name="PagesBlank">Pages OCR read and found no text on (an empty or photo-only page).</param>
/// <param name="Unread">Pages not read (time limit, tool error, over <see cref="ScanOptions.MaxOcrPages"/>), each with its cause.</param>
/// <param name="PageCount">The file's pages, for "sida 4 av 7".</param>
/// <param name="Missing">Set when the file needed OCR and none ran: why ("tesseract hittades inte", "avstängd").</param>
internal sealed record OcrOutcome(int PagesRead, int PagesBlank, IReadOnlyList<(int Page, string Reason)> Unread, int PageCount, string? Missing = null);
