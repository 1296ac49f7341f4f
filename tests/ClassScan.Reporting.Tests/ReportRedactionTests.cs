using ClassScan.Core.Classification;
using ClassScan.Core.Privacy;
using ClassScan.Core.Scanning;
using ClassScan.Reporting.Departments;
using ClassScan.Reporting.Html;

namespace ClassScan.Reporting.Tests;

/// <summary>
/// Every name-like field of every report goes through one redactor, and every row carries the report id. The
/// rule for identity numbers is tested with the detector; here a stand-in masks the word "HEMLIG".
/// </summary>
public sealed class ReportRedactionTests : IDisposable
{
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private static readonly ReportIdentity Ids = new(Key);
    private static readonly ReportRedaction Redaction = new(new WordRedactor(), Ids);

    private readonly DirectoryInfo dir = Directory.CreateTempSubdirectory("classscan-redact-");

    public void Dispose() => dir.Delete(recursive: true);

    private sealed class WordRedactor : INameRedactor
    {
        public string Redact(string name) => name.Contains("HEMLIG", StringComparison.Ordinal) ? name.Replace("HEMLIG", "H*****", StringComparison.Ordinal) : name;
    }

    [Fact]
    public void Apply_Result_EveryNameFieldRedactedAndIdFromTheSourceId()
    {
        var result = Results.Flagged("/share/HEMLIG/fil HEMLIG.docx", reason: "Personnummer i filen 'HEMLIG' (regel 3)",
            webUrl: "https://x.example/HEMLIG.docx", owner: "Anna HEMLIG") with { StatusDetail = "obs HEMLIG" };

        var shown = Redaction.Apply(result);

        Assert.Equal("/share/H*****/fil H*****.docx", shown.Item.Path);
        Assert.Equal("https://x.example/H*****.docx", shown.Item.WebUrl);
        Assert.Equal("Anna H*****", shown.Item.LastModifiedBy);
        Assert.Equal("obs H*****", shown.StatusDetail);
        Assert.Equal("Personnummer i filen 'H*****' (regel 3)", shown.Classification!.Reason);
        Assert.Equal(Ids.Of(result.Item.Id), shown.Item.ReportId);
        Assert.Equal(result.Item.Id, shown.Item.Id); // the source id is not shown by any report; the state needs it whole
    }

    [Fact]
    public void Apply_ResultWithStoredId_KeepsIt()
    {
        var result = Results.Flagged("/a.docx");
        result = result with { Item = result.Item with { ReportId = "f0000000000aa" } };

        Assert.Equal("f0000000000aa", Redaction.Apply(result).Item.ReportId);
    }

    [Fact]
    public void Apply_Change_EveryNameFieldRedacted()
    {
        var change = new FlagChange(FlagChangeKind.NewlyFlagged, "moved-in", "/s/HEMLIG.docx", 3, null, "skäl HEMLIG", "flyttad hit från /t/HEMLIG.docx", "local:/HEMLIG")
        {
            PreviousPath = "/t/HEMLIG.docx",
            WebUrl = "https://x/HEMLIG",
            LastModifiedBy = "Bo HEMLIG",
            ReportId = "f0000000000ab",
        };

        var shown = Redaction.Apply(change);

        Assert.DoesNotContain("HEMLIG", string.Join("|", shown.Path, shown.PreviousPath, shown.Reason, shown.Detail, shown.Scope, shown.WebUrl, shown.LastModifiedBy));
        Assert.Equal("f0000000000ab", shown.ReportId);
    }

    [Fact]
    public async Task RedactingSink_EveryReportSeesRedactedNamesAndIds()
    {
        var map = new DepartmentMap([new DepartmentRule("Socialförvaltningen") { PathGlobs = ["/soc/**"] }]);
        var inner = new CompositeSink([new CsvReportSink(dir.FullName), new DepartmentReportSink(dir.FullName, map),
            new Json.JsonLinesReportSink(dir.FullName), new HtmlReportSink(dir.FullName, map)]);
        ScanResult[] results =
        [
            Results.Flagged("/soc/HEMLIG utredning.docx", owner: "Anna HEMLIG"),
            Results.Blind("/soc/HEMLIG skyddad.pdf"),
            Results.Clean("/soc/protokoll.docx"),
        ];
        await using (var sink = new RedactingSink(inner, Redaction))
        {
            await Results.RunAsync(sink, results, complete: false);
        }

        var files = Directory.GetFiles(dir.FullName, "*", SearchOption.AllDirectories);
        Assert.True(files.Length >= 6, string.Join(", ", files));
        foreach (var file in files) Assert.DoesNotContain("HEMLIG", File.ReadAllText(file));
        var rows = CsvFile.Read(Path.Combine(dir.FullName, "results.csv")).Rows;
        Assert.Equal(results.Select(r => Ids.Of(r.Item.Id)), rows.Select(r => r["id"]));
        Assert.Contains(rows, r => r["path"] == "/soc/H***** utredning.docx");
        Assert.Equal(Ids.Of(results[1].Item.Id), Assert.Single(CsvFile.Read(Path.Combine(dir.FullName, "review.csv")).Rows)["id"]);
        var department = CsvFile.Read(Path.Combine(dir.FullName, DepartmentReportSink.FolderName, "Socialförvaltningen.csv")).Rows;
        Assert.All(department, r => Assert.True(ReportIdentity.IsWellFormed(r["Id"]), r["Id"]));
        Assert.All(File.ReadAllLines(Path.Combine(dir.FullName, Json.JsonLinesReportSink.FileName)), l => Assert.Contains("\"id\":\"f", l));
    }
}
