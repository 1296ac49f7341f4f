namespace ClassScan.Classification.Evaluation;

/// <summary>
/// A labelled file that was not judged and why: missing, or what a scan would report for it (no-text, unsupported,
/// encrypted, error with the reason). Never document content.
/// </summary>
/// <param name="Status">The scan status ("no-text", "error", ...) or "missing".</param>
public sealed record SkippedDocument(string File, string Reason, string? Set = null, string Status = "error");
