using BenchmarkDotNet.Attributes;
using ClassScan.Core.Documents;
using ClassScan.Core.Findings;
using ClassScan.Detection.Personnummer;

namespace ClassScan.Benchmarks;

/// <summary>Each detector over 1 MB of Swedish text, split into paragraphs as an extractor would.</summary>
[MemoryDiagnoser]
public class DetectorBenchmarks
{
    private ExtractedText text = ExtractedText.Empty;
    private readonly List<Finding> findings = new(4096);
    private readonly PersonnummerDetector personnummer = new(2026);

    [GlobalSetup]
    public void Setup()
    {
        var paragraphs = SwedishText.Megabyte.Split("\n\n");
        text = new ExtractedText(paragraphs.Select(p => new TextSegment(SegmentKind.Body, "brödtext", p)).ToList());
    }

    [Benchmark]
    public int Personnummer()
    {
        findings.Clear();
        personnummer.Detect(text, findings);
        return findings.Count;
    }
}
