using ClassScan.Core.Classification;
using ClassScan.Detection.Personnummer;
using ClassScan.Extraction;
using ClassScan.Pipeline;
using ClassScan.Policy;

namespace ClassScan.Classification.Tests.Support;

/// <summary>Analyzers built like the scan's (real extractors in process, real detectors), for labelled folders.</summary>
internal static class ScanAnalyzers
{
    /// <summary>The personnummer detector and <paramref name="policy"/> (default: the rule engine).</summary>
    public static DocumentAnalyzer Personnummer(IClassificationPolicy? policy = null) =>
        new(ExtractorSelector.Default, [new PersonnummerDetector(2025)], policy ?? new KlassaRuleEngine());

    /// <summary>Every detector of ClassScan.Detection and the rule engine: the dev corpus read as a scan reads it.</summary>
    public static DocumentAnalyzer AllDetectors(IClassificationPolicy? policy = null) =>
        new(ExtractorSelector.Default, DevCorpus.Detectors(), policy ?? new KlassaRuleEngine());
}
