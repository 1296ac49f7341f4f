namespace ClassScan.Core.Scanning;

/// <summary>
/// Findings of one kind in one file, summarised for people: how many, where, and one masked sample.
/// </summary>
/// <param name="Kind">Finding kind, e.g. "personnummer".</param>
/// <param name="Count">Number of occurrences.</param>
/// <param name="Locations">Distinct locations in document order (at most a few).</param>
/// <param name="MaskedSample">A masked sample, e.g. "19121212-****".</param>
/// <param name="Details">Distinct structured details (e.g. OSL chapter:section), if any.</param>
public sealed record EvidenceItem(string Kind, int Count, IReadOnlyList<string> Locations, string MaskedSample, IReadOnlyList<string> Details);
