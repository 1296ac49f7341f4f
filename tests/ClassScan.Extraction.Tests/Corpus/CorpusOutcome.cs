namespace ClassScan.Extraction.Tests.Corpus;

/// <summary>How one corpus file ended: ok, no-text, encrypted, unsupported, corrupt, limit, error or timeout.</summary>
internal sealed record CorpusOutcome(string Kind, Exception? Error, TimeSpan Elapsed, string? Extractor);
