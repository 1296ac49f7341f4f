using ClassScan.Core.Documents;
using ClassScan.Core.Findings;
using ClassScan.Core.Privacy;

namespace ClassScan.Core.Scanning;

/// <summary>
/// Summarises findings per kind for people: count, a few distinct locations in document order, one masked
/// sample and the distinct details. The strongest evidence (markings, identity numbers) comes first.
/// </summary>
public static class EvidenceBuilder
{
    private const int MaxLocations = 5;

    public static IReadOnlyList<EvidenceItem> Build(IReadOnlyList<Finding> findings, ExtractedText text)
    {
        if (findings.Count == 0) return [];
        var byKind = new Dictionary<string, (int Count, List<string> Locations, string Sample, List<string> Details, int Order)>(StringComparer.Ordinal);
        foreach (var f in findings)
        {
            if (!byKind.TryGetValue(f.Kind, out var e))
                e = (0, new List<string>(), f.MaskedSample, new List<string>(), byKind.Count);
            e.Count++;
            // A location can quote the document ("blad 'Elev 19121212-1212'", "bilaga 'intyg 19121212-1212.pdf'"):
            // digit runs are masked like every other sample.
            var location = f.SegmentIndex >= 0 && f.SegmentIndex < text.Segments.Count ? SafeText.Message(text.Segments[f.SegmentIndex].Location) : "";
            if (location.Length > 0 && e.Locations.Count < MaxLocations && !e.Locations.Contains(location)) e.Locations.Add(location);
            if (f.Detail is { Length: > 0 } d && !e.Details.Contains(d)) e.Details.Add(d);
            byKind[f.Kind] = e;
        }
        return byKind
            .OrderBy(kv => Rank(kv.Key)).ThenBy(kv => kv.Value.Order)
            .Select(kv => new EvidenceItem(kv.Key, kv.Value.Count, kv.Value.Locations, kv.Value.Sample, kv.Value.Details))
            .ToList();
    }

    /// <summary>
    /// Policy order of strength, lowest first: markings, then identity numbers, then sensitive categories and the rest.
    /// Public so that evidence merged from several documents (an archive's entries) keeps the order of one document's.
    /// </summary>
    public static int Rank(string kind) => kind switch
    {
        FindingKinds.OslMarkering => 0,
        FindingKinds.Personnummer or FindingKinds.Samordningsnummer or FindingKinds.Interimsnummer => 1,
        _ => 2,
    };
}
