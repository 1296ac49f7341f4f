using BenchmarkDotNet.Attributes;
using ClassScan.Classification;
using ClassScan.Core.Documents;
using ClassScan.Core.Findings;
using ClassScan.Detection;
using ClassScan.Detection.Confidential;
using ClassScan.Detection.Health;
using ClassScan.Detection.Individuals;
using ClassScan.Detection.Osl;
using ClassScan.Detection.Personnummer;
using ClassScan.Policy;
using ClassScan.Detection.Sensitive;

namespace ClassScan.Benchmarks;

/// <summary>
/// The classify stage: the KLASSA rule engine over the findings of all detectors, and the trained classifier
/// (models/klassa.zip) on a 1 MB document (the model reads at most 20,000 chars of it) and on a typical
/// 5 KB letter. Setup runs the detectors once; only the classification is measured.
/// </summary>
[MemoryDiagnoser]
public class ClassificationBenchmarks
{
    private readonly KlassaRuleEngine rules = new();
    private KlassaTextModel model = null!;
    private RulesWithModelPolicy policy = null!;
    private ExtractedText big = ExtractedText.Empty, small = ExtractedText.Empty;
    private List<Finding> bigFindings = [], smallFindings = [];

    [GlobalSetup]
    public void Setup()
    {
        model = KlassaTextModel.Load(BenchmarkData.Model());
        policy = new RulesWithModelPolicy(rules, model);
        big = SwedishText.MegabyteDocument();
        small = SwedishText.Document(5 * 1024);
        bigFindings = Detect(big);
        smallFindings = Detect(small);
    }

    [GlobalCleanup]
    public void Cleanup() => model.Dispose();

    [Benchmark]
    public object RuleEngine1MB() => rules.Classify(bigFindings, big);

    [Benchmark]
    public object ClassifierPredict1MB() => model.Predict(big, bigFindings);

    [Benchmark]
    public object ClassifierPredict5KB() => model.Predict(small, smallFindings);

    /// <summary>What the scan runs per document: rules, then the model where the rules leave it open.</summary>
    [Benchmark]
    public object RulesWithModel5KB() => policy.Classify(smallFindings, small);

    private static readonly IReadOnlyList<IDetector> Detectors = StandardDetectors.Create(TimeProvider.System);

    private static List<Finding> Detect(ExtractedText text)
    {
        var findings = new List<Finding>();
        foreach (var d in Detectors) d.Detect(text, findings);
        return findings;
    }
}
