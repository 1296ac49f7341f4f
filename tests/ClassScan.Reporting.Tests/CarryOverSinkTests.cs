using ClassScan.Core.Classification;
using ClassScan.Core.Scanning;
using ClassScan.Reporting.Departments;

namespace ClassScan.Reporting.Tests;

public sealed class CarryOverSinkTests : IDisposable
{
    private readonly DirectoryInfo dir = Directory.CreateTempSubdirectory("classscan-carry-");

    public void Dispose() => dir.Delete(recursive: true);

    [Fact]
    public async Task CompleteAsync_CarriedResultsReachReportsAndSummary()
    {
        ScanResult[] carried = [Results.Flagged("/g/gammal.docx", KlassaLevel.StriktKonfidentiell), Results.Clean("/g/ok.docx")];
        var inner = new CompositeSink([new CsvReportSink(dir.FullName), new DepartmentReportSink(dir.FullName, DepartmentMap.Empty)]);
        await using (inner)
        {
            var sink = new CarryOverSink(inner, () => carried);
            await sink.WriteAsync(Results.Flagged("/g/ny.docx"), default);
            await sink.CompleteAsync(Results.Summary([Results.Flagged("/g/ny.docx")]), default);
            Assert.Equal(2, sink.Carried);
        }

        var results = CsvFile.Read(Path.Combine(dir.FullName, "results.csv")).Rows;
        Assert.Equal(["/g/ny.docx", "/g/gammal.docx", "/g/ok.docx"], results.Select(r => r["path"]));
        var department = CsvFile.Read(Path.Combine(dir.FullName, DepartmentReportSink.FolderName, "okänd.csv")).Rows;
        Assert.Equal(["/g/gammal.docx", "/g/ny.docx"], department.Select(r => r["Fil"]));
        var summary = File.ReadAllText(Path.Combine(dir.FullName, "summary.json"));
        Assert.Contains("\"files\": 3", summary);
        Assert.Contains("\"must_leave\": 2", summary);
    }
}
