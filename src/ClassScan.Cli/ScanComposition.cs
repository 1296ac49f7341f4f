using ClassScan.Core.Classification;
using ClassScan.Core.Findings;
using ClassScan.Detection.Personnummer;
using ClassScan.Extraction;
using ClassScan.Pipeline;

namespace ClassScan.Cli;

/// <summary>The composition root: which extractors, detectors and policy a scan uses.</summary>
internal static class ScanComposition
{
    public static IReadOnlyList<IDetector> CreateDetectors(TimeProvider time) =>
    [
        new PersonnummerDetector(time),
    ];

    public static IClassificationPolicy CreatePolicy() => new KlassaPolicy();

    public static DocumentAnalyzer CreateAnalyzer(TimeProvider time, ScanProgress? progress) =>
        new(new ExtractorSelector(), CreateDetectors(time), CreatePolicy(), progress);
}
