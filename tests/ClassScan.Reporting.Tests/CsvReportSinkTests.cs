using System.Text;
using ClassScan.Core.Classification;
using ClassScan.Core.Scanning;
using ClassScan.Reporting;

namespace ClassScan.Reporting.Tests;

public sealed class CsvReportSinkTests : IDisposable
{
    private readonly DirectoryInfo dir = Directory.CreateTempSubdirectory("classscan-csv-");

    public void Dispose() => dir.Delete(recursive: true);

    private static ScanResult Result(string path, ScanStatus status, KlassaLevel? level = null, string? detail = null) => new()
    {
        Item = new SourceItem(path, path, 10, null),
        Status = status,
        StatusDetail = detail,
        Classification = level is { } l ? new ClassificationResult(l, "Personnummer som identifierar en person (regel 3)", "R3") : null,
        Evidence = level >= KlassaLevel.Konfidentiell ? [new EvidenceItem("personnummer", 2, ["sida 1", "sida 2"], "19121212-****", [])] : [],
        PersonnummerCount = level >= KlassaLevel.Konfidentiell ? 2 : 0,
        Bytes = 10,
        Extractor = "pdfpig",
        Elapsed = TimeSpan.FromMilliseconds(12),
    };

    private static ScanSummary Summary(bool complete) => new() { StartedAt = DateTimeOffset.UnixEpoch, FinishedAt = DateTimeOffset.UnixEpoch, Complete = complete };

    [Fact]
    public async Task CompleteAsync_WritesHeaderBomSemicolonsAndFlaggedSubset()
    {
        await using (var sink = new CsvReportSink(dir.FullName))
        {
            await sink.WriteAsync(Result("/a/ärende.pdf", ScanStatus.Ok, KlassaLevel.Konfidentiell), default);
            await sink.WriteAsync(Result("/a/b;c.docx", ScanStatus.Ok, KlassaLevel.Intern), default);
            await sink.WriteAsync(Result("/a/x.doc", ScanStatus.Unsupported, detail: "legacy .doc"), default);
            await sink.CompleteAsync(Summary(true), default);
        }

        var bytes = File.ReadAllBytes(Path.Combine(dir.FullName, "results.csv"));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = File.ReadAllLines(Path.Combine(dir.FullName, "results.csv"), Encoding.UTF8);
        Assert.StartsWith("path;status;level;must_leave;reason;pnr_count;evidence;bytes;extractor;elapsed_ms", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.Contains("\"/a/b;c.docx\"", lines[2]);
        Assert.Contains("19121212-****", lines[1]);
        Assert.Contains(";unsupported;;false;legacy .doc;", lines[3]);

        var flagged = File.ReadAllLines(Path.Combine(dir.FullName, "flagged.csv"), Encoding.UTF8);
        Assert.Equal(2, flagged.Length);
        Assert.StartsWith("/a/ärende.pdf;ok;2;true;", flagged[1]);

        var review = File.ReadAllLines(Path.Combine(dir.FullName, "review.csv"), Encoding.UTF8);
        Assert.Equal(2, review.Length);
        Assert.Contains(";" + ReviewerText.Action(ScanStatus.Unsupported) + ";", review[1]); // the department files' words
        Assert.Contains("\"complete\": true", File.ReadAllText(Path.Combine(dir.FullName, "summary.json")));
    }

    [Fact]
    public async Task WriteAsync_BeforeComplete_NoReportFileIsVisible()
    {
        await using (var sink = new CsvReportSink(dir.FullName))
        {
            await sink.WriteAsync(Result("/a.pdf", ScanStatus.Ok, KlassaLevel.Intern), default);
            Assert.False(File.Exists(Path.Combine(dir.FullName, "results.csv")));
        }
        // Disposed without completing: no half report, no temp files left behind.
        Assert.Empty(dir.GetFiles());
    }

    [Fact]
    public async Task CompleteAsync_Incomplete_SummarySaysSo()
    {
        await using (var sink = new CsvReportSink(dir.FullName))
            await sink.CompleteAsync(Summary(false) with { IncompleteReason = "avbruten" }, default);

        Assert.Contains("\"complete\": false", File.ReadAllText(Path.Combine(dir.FullName, "summary.json")));
        Assert.Single(File.ReadAllLines(Path.Combine(dir.FullName, "results.csv")));
    }

    [Fact]
    public async Task WriteAsync_FileNameStartsWithFormula_IsEscapedForExcel()
    {
        await using (var sink = new CsvReportSink(dir.FullName))
        {
            await sink.WriteAsync(Result("=HYPERLINK(\"http://x\")", ScanStatus.Ok, KlassaLevel.Intern), default);
            await sink.CompleteAsync(Summary(true), default);
        }
        var row = File.ReadAllLines(Path.Combine(dir.FullName, "results.csv"))[1];
        Assert.False(row.StartsWith('='));
        Assert.False(row.StartsWith("\"=", StringComparison.Ordinal));
    }
}
