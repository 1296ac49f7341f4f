using System.Text.Json;
using ClassScan.Core.Scanning;
using ClassScan.Reporting.Json;

namespace ClassScan.Reporting.Tests;

public sealed class JsonLinesReportSinkTests : IDisposable
{
    private readonly DirectoryInfo dir = Directory.CreateTempSubdirectory("classscan-jsonl-");

    public void Dispose() => dir.Delete(recursive: true);

    [Fact]
    public async Task CompleteAsync_OneObjectPerFile_SameFieldsAndValuesAsResultsCsv()
    {
        ScanResult[] results = [Results.Flagged("/a/ärende \"1\".pdf", webUrl: "https://x/y"), Results.Blind("/a/b.xlsx"), Results.Clean("/a/c+d.docx")];
        await using (var csv = new CsvReportSink(dir.FullName))
        await using (var jsonl = new JsonLinesReportSink(dir.FullName))
        {
            foreach (var r in results)
            {
                await csv.WriteAsync(r, default);
                await jsonl.WriteAsync(r, default);
            }
            var summary = Results.Summary(results);
            await csv.CompleteAsync(summary, default);
            await jsonl.CompleteAsync(summary, default);
        }

        var lines = File.ReadAllLines(Path.Combine(dir.FullName, JsonLinesReportSink.FileName));
        var (header, rows) = CsvFile.Read(Path.Combine(dir.FullName, "results.csv"));
        Assert.Equal(rows.Count, lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            using var doc = JsonDocument.Parse(lines[i]);
            var obj = doc.RootElement;
            Assert.Equal(header, obj.EnumerateObject().Select(p => p.Name));
            foreach (var p in obj.EnumerateObject())
            {
                var asText = p.Value.ValueKind switch
                {
                    JsonValueKind.Null => "",
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    JsonValueKind.Number => p.Value.GetRawText(),
                    _ => p.Value.GetString(),
                };
                Assert.Equal(rows[i][p.Name], asText);
            }
        }
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal(2, first.RootElement.GetProperty("level").GetInt32());
        Assert.True(first.RootElement.GetProperty("must_leave").GetBoolean());
        Assert.Contains("19121212-****", first.RootElement.GetProperty("evidence").GetString());
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal(JsonValueKind.Null, second.RootElement.GetProperty("level").ValueKind);
    }

    [Fact]
    public async Task DisposeWithoutComplete_NoFileAndNoTemp()
    {
        await using (var sink = new JsonLinesReportSink(dir.FullName))
            await sink.WriteAsync(Results.Flagged("/a.pdf"), default);

        Assert.Empty(Directory.GetFiles(dir.FullName));
    }
}
