namespace ClassScan.Classification.Evaluation;

/// <summary>A labelled file that could not be judged (missing, unreadable, no text) and why; never document content.</summary>
public sealed record SkippedDocument(string File, string Reason);
