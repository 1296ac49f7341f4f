using BenchmarkDotNet.Attributes;
using ClassScan.Core.Documents;
using ClassScan.Core.Findings;
using ClassScan.Detection.Confidential;
using ClassScan.Detection.Health;
using ClassScan.Detection.Individuals;
using ClassScan.Detection.Osl;
using ClassScan.Detection.Personnummer;
using ClassScan.Detection.Sensitive;

namespace ClassScan.Benchmarks;

/// <summary>
/// Each detector the scan runs (ScanComposition.CreateDetectors) over 1 MB of Swedish text, split into
/// paragraphs as an extractor would. MB/s = 1 / mean time in seconds (the text is 2^20 chars).
/// </summary>
[MemoryDiagnoser]
public class DetectorBenchmarks
{
    private ExtractedText text = ExtractedText.Empty;
    private readonly List<Finding> findings = new(1 << 16);
    private readonly PersonnummerDetector personnummer = new(2026);
    private readonly OslMarkingDetector osl = new();
    private readonly HealthDetector health = new();
    private readonly SensitiveCategoryDetector sensitive = new();
    private readonly IndividualDetector individual = new();
    private readonly ConfidentialDetailsDetector confidential = new();

    [GlobalSetup]
    public void Setup() => text = SwedishText.MegabyteDocument();

    [Benchmark]
    public int Personnummer() => Run(personnummer);

    [Benchmark]
    public int OslMarking() => Run(osl);

    [Benchmark]
    public int Health() => Run(health);

    [Benchmark]
    public int SensitiveCategory() => Run(sensitive);

    [Benchmark]
    public int Individual() => Run(individual);

    [Benchmark]
    public int ConfidentialDetails() => Run(confidential);

    /// <summary>All six in the scan's order: the detect stage of one 1 MB document.</summary>
    [Benchmark]
    public int AllDetectors()
    {
        findings.Clear();
        personnummer.Detect(text, findings);
        osl.Detect(text, findings);
        health.Detect(text, findings);
        sensitive.Detect(text, findings);
        individual.Detect(text, findings);
        confidential.Detect(text, findings);
        return findings.Count;
    }

    private int Run(IDetector detector)
    {
        findings.Clear();
        detector.Detect(text, findings);
        return findings.Count;
    }
}
