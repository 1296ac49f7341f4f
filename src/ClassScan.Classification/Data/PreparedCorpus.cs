using ClassScan.Classification.Evaluation;

namespace ClassScan.Classification.Data;

/// <summary>The labelled files the analyzer judged, and the ones it could not (with the scan's reason).</summary>
internal sealed record PreparedCorpus(IReadOnlyList<PreparedDocument> Documents, IReadOnlyList<SkippedDocument> Skipped);
