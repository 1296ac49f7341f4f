using BenchmarkDotNet.Attributes;
using ClassScan.Core.Documents;
using ClassScan.Extraction;

namespace ClassScan.Benchmarks;

/// <summary>
/// Each extractor over a representative file: the largest file of each format in the dev corpus
/// (municipal documents as LibreOffice and Word write them).
/// </summary>
[MemoryDiagnoser]
public class ExtractorBenchmarks
{
    private readonly ExtractorSelector selector = new();
    private byte[] bytes = [];
    private string name = "";

    [Params("docx", "xlsx", "pptx", "pdf", "html", "eml", "csv")]
    public string Format { get; set; } = "docx";

    [GlobalSetup]
    public void Setup()
    {
        var dev = Path.Combine(BenchmarkData.Shared(), "corpus", "dev", "train");
        var file = new DirectoryInfo(dev).GetFiles("*." + Format).OrderByDescending(f => f.Length).First();
        bytes = File.ReadAllBytes(file.FullName);
        name = file.Name;
    }

    [Benchmark]
    public long Extract()
    {
        using var stream = new MemoryStream(bytes, writable: false);
        var extractor = selector.Select(name, bytes.AsSpan(0, Math.Min(bytes.Length, IExtractorSelector.HeadBytes)))!;
        return extractor.Extract(stream, ExtractionLimits.Default, CancellationToken.None).TextRead?.TotalChars ?? -1;
    }
}
