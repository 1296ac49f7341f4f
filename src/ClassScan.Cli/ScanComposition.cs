using ClassScan.Cli.Commands;
using ClassScan.Core.Classification;
using ClassScan.Core.Documents;
using ClassScan.Core.Findings;
using ClassScan.Detection.Health;
using ClassScan.Detection.Individuals;
using ClassScan.Detection.Osl;
using ClassScan.Detection.Personnummer;
using ClassScan.Detection.Policy;
using ClassScan.Detection.Sensitive;
using ClassScan.Extraction;
using ClassScan.Extraction.Isolation;
using ClassScan.Pipeline;

namespace ClassScan.Cli;

/// <summary>The composition root: which extractors, detectors and policy a scan uses.</summary>
internal static class ScanComposition
{
    public static IReadOnlyList<IDetector> CreateDetectors(TimeProvider time) =>
    [
        new PersonnummerDetector(time),
        new OslMarkingDetector(),
        new HealthDetector(),
        new SensitiveCategoryDetector(),
        new IndividualDetector(),
    ];

    public static IClassificationPolicy CreatePolicy() => new KlassaRuleEngine();

    /// <summary>
    /// Extractors run in worker processes unless <paramref name="isolate"/> is false: a parser that overflows
    /// its stack (seen with PdfPig on hostile PDFs) would otherwise take the whole scan down.
    /// </summary>
    public static (DocumentAnalyzer Analyzer, IDisposable? Workers) CreateAnalyzer(TimeProvider time, ScanProgress? progress, bool isolate = true)
    {
        IExtractorSelector selector = new ExtractorSelector();
        IsolatedExtractorSelector? isolated = null;
        if (isolate) selector = isolated = new IsolatedExtractorSelector(selector, ExtractWorkerCommand.Self());
        return (new DocumentAnalyzer(selector, CreateDetectors(time), CreatePolicy(), progress), isolated);
    }
}
