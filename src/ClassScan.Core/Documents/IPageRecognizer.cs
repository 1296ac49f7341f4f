namespace ClassScan.Core.Documents;

/// <summary>
/// Reads the text of a page that has no text layer (OCR): page N of a local PDF, or a local image file. The one port
/// of the OCR stage; the adapter runs external programs (renderer, recogniser), so the call is real I/O and async.
/// Thread-safe: the pipeline calls it from several OCR workers at once. Never throws for a page it cannot read (a
/// tool error, an unreadable image): that is a <see cref="PageRecognition"/> with a reason. Throws
/// <see cref="OperationCanceledException"/> when <paramref name="ct"/> is cancelled, after ending whatever it started:
/// the pipeline's per-page time limit is a cancellation.
/// </summary>
public interface IPageRecognizer
{
    /// <param name="localPath">A full path the recogniser may open read-only; the caller keeps the file until the call ends.</param>
    /// <param name="page">The 1-based page: of a PDF, or 1 for an image file (one page; the recogniser tells them apart by content).</param>
    Task<PageRecognition> RecognizeAsync(string localPath, int page, CancellationToken ct);
}
