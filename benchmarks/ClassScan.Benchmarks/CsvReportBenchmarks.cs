using BenchmarkDotNet.Attributes;
using ClassScan.Core.Classification;
using ClassScan.Core.Scanning;
using ClassScan.Reporting;

namespace ClassScan.Benchmarks;

/// <summary>The CSV sink writing 10,000 result rows (a folder of 10k files) to a temp folder.</summary>
[MemoryDiagnoser]
public class CsvReportBenchmarks
{
    private ScanResult[] rows = [];
    private string dir = "";

    [GlobalSetup]
    public void Setup()
    {
        dir = Directory.CreateTempSubdirectory("classscan-bench-").FullName;
        rows = Enumerable.Range(0, 10_000).Select(i => new ScanResult
        {
            Item = new SourceItem($"/data/förvaltning/ärende {i}.docx", $"/data/förvaltning/ärende {i}.docx", 12345, DateTimeOffset.UnixEpoch),
            Status = ScanStatus.Ok,
            Classification = new ClassificationResult(i % 3 == 0 ? KlassaLevel.Konfidentiell : KlassaLevel.Intern, "Personnummer som identifierar en person (regel 3)", "R3"),
            Evidence = i % 3 == 0 ? [new EvidenceItem("personnummer", 3, ["sida 1", "sida 2"], "19121212-****", [])] : [],
            PersonnummerCount = i % 3 == 0 ? 3 : 0,
            Bytes = 12345,
            Extractor = "openxml-word",
            Elapsed = TimeSpan.FromMilliseconds(3),
        }).ToArray();
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(dir, recursive: true);

    [Benchmark]
    public async Task WriteTenThousandRows()
    {
        await using var sink = new CsvReportSink(dir);
        foreach (var r in rows) await sink.WriteAsync(r, default);
        await sink.CompleteAsync(new ScanSummary { StartedAt = DateTimeOffset.UnixEpoch, FinishedAt = DateTimeOffset.UnixEpoch, Complete = true }, default);
    }
}
