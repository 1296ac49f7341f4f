using System.Globalization;
using ClassScan.Sources.Graph.Tests.Fakes;
using ClassScan.TestSupport.Spreadsheets;
using CsvHelper;
using CsvHelper.Configuration;

namespace ClassScan.Sources.Graph.Tests;

/// <summary>
/// Names that come from the tenant, not from us: a site's display name and a drive's name start every path, and
/// lastModifiedBy.user.displayName is whatever the account is called. Each starts with a formula here and must
/// reach results.csv, flagged.csv and changes.csv as text.
/// </summary>
public sealed class FormulaNameTests : GraphTestBase
{
    private const string Hyperlink = "=HYPERLINK(\"http://x\",\"klick\")";

    private async Task ScanTenantAsync()
    {
        var library = Server.AddDrive("lib1", "@SUM(1+1)");
        var flagged = library.AddFile(null, "+x.txt", Text(1, true));
        library.Edit(flagged.Id, Text(1, true), by: Hyperlink);
        library.AddFile(null, "vanlig.txt", Text(2, false));
        Server.Sites.Add(new FakeSite("contoso.example,1,2", "=A1", "https://contoso.example/sites/a1", ["lib1"]));
        var other = Server.AddDrive("lib2", "-2+3");
        var second = other.AddFile(null, "f.txt", Text(3, true));
        other.Edit(second.Id, Text(3, true), by: "@Anna");

        await ScanHarness.GraphAsync(Server, Work.FullName, new GraphScanTargets { Sites = ["https://contoso.example/sites/a1"], Drives = ["lib2"] });
    }

    private List<Dictionary<string, string>> Raw(string file)
    {
        using var reader = new StreamReader(Path.Combine(OutDir, file));
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";" });
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read()) rows.Add(header.ToDictionary(h => h, h => csv.GetField(h) ?? ""));
        return rows;
    }

    [Fact]
    public async Task Scan_SiteDriveAndModifierNamedAsFormulas_CellsEscapedInResultsFlaggedAndChanges()
    {
        await ScanTenantAsync();

        foreach (var file in new[] { "results.csv", "flagged.csv", "changes.csv" })
        {
            var rows = Raw(file);
            var site = Assert.Single(rows, r => r["path"] == "'=A1/@SUM(1+1)/+x.txt");
            Assert.Equal("'" + Hyperlink, site["last_modified_by"]);
            var drive = Assert.Single(rows, r => r["path"] == "'-2+3/f.txt");
            Assert.Equal("'@Anna", drive["last_modified_by"]);
            Assert.All(rows.SelectMany(r => r.Values), cell => Assert.False(cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@', $"{file}: {cell}"));
        }
        Assert.Contains(Raw("results.csv"), r => r["path"] == "'=A1/@SUM(1+1)/vanlig.txt");
    }

    [LibreOfficeFact]
    [Trait("Category", LibreOffice.Category)]
    public async Task Scan_SiteDriveAndModifierNamedAsFormulas_CalcShowsText()
    {
        await ScanTenantAsync();
        string[] files = ["results.csv", "flagged.csv", "changes.csv"];

        var sheets = await LibreOffice.OpenCsvAsync(files.Select(f => Path.Combine(OutDir, f)).ToList(), Path.Combine(Work.FullName, "calc"));

        for (var i = 0; i < files.Length; i++)
        {
            Assert.All(sheets[i].SelectMany(r => r), c => Assert.False(c.IsFormula, $"{files[i]}: Calc ran {c.Formula}"));
            var texts = sheets[i].SelectMany(r => r).Select(c => c.Text).ToList();
            Assert.Contains("'=A1/@SUM(1+1)/+x.txt", texts);
            Assert.Contains("'" + Hyperlink, texts);
            Assert.Contains("'-2+3/f.txt", texts);
        }
    }
}
