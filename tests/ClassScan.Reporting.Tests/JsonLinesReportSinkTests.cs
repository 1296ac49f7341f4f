using System.Text.Json;
using ClassScan.Core.Classification;
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
        await WriteBothAsync(results);

        var lines = AssertSameColumnsAndValues();

        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal(2, first.RootElement.GetProperty("level").GetInt32());
        Assert.True(first.RootElement.GetProperty("must_leave").GetBoolean());
        Assert.Contains("19121212-****", first.RootElement.GetProperty("evidence").GetString());
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal(JsonValueKind.Null, second.RootElement.GetProperty("level").ValueKind);
    }

    [Fact]
    public async Task CompleteAsync_EveryColumnFilledInSomeRow_JsonHoldsEveryCsvColumnValueForValue()
    {
        var item = new SourceItem("/a/=elevlista.xlsx", "/a/=elevlista.xlsx", 100, new DateTimeOffset(2025, 3, 4, 5, 6, 0, TimeSpan.Zero))
        {
            WebUrl = "https://x/y", LastModifiedBy = "A. Andersson", ReportId = "f-0123456789ab",
        };
        ScanResult[] results =
        [
            Results.Flagged(item.Path) with
            {
                Item = item, StatusDetail = "1 bilaga lästes inte", HealthCount = 3, OslMarking = "26 kap. 1 §",
                Elapsed = TimeSpan.FromMilliseconds(12), Classification = new ClassificationResult(KlassaLevel.StriktKonfidentiell, "Hälsa (regel 2)", "R2-halsa"),
            },
            Results.Blind("/a/b.xlsx", ScanStatus.Error, "tidsgräns"),
            Results.Clean("/a/c.docx", KlassaLevel.Oppen),
        ];
        await WriteBothAsync(results);

        var lines = AssertSameColumnsAndValues();

        var (header, rows) = CsvFile.Read(Path.Combine(dir.FullName, "results.csv"));
        Assert.All(header, column => Assert.Contains(rows, r => r[column] is not ("" or "0"))); // no column agrees only by being empty everywhere
        Assert.Equal(3, lines.Length);
    }

    [Fact]
    public async Task DisposeWithoutComplete_NoFileAndNoTemp()
    {
        await using (var sink = new JsonLinesReportSink(dir.FullName))
            await sink.WriteAsync(Results.Flagged("/a.pdf"), default);

        Assert.Empty(Directory.GetFiles(dir.FullName));
    }

    private async Task WriteBothAsync(IReadOnlyList<ScanResult> results)
    {
        await using var csv = new CsvReportSink(dir.FullName);
        await using var jsonl = new JsonLinesReportSink(dir.FullName);
        foreach (var r in results)
        {
            await csv.WriteAsync(r, default);
            await jsonl.WriteAsync(r, default);
        }
        var summary = Results.Summary(results);
        await csv.CompleteAsync(summary, default);
        await jsonl.CompleteAsync(summary, default);
    }

    /// <summary>
    /// Every line of results.jsonl has exactly results.csv's columns, in its order, each with the cell's value (a number
    /// as its digits, a boolean as true/false, null as an empty cell): a column in one file and not the other fails here.
    /// </summary>
    private string[] AssertSameColumnsAndValues()
    {
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
                Assert.Equal(CsvCell.Restore(rows[i][p.Name]), asText);
            }
        }
        return lines;
    }
}
