using System.Text.Json;
using System.Xml;
using System.Xml.Linq;

namespace ClassScan.Cli.Tests;

/// <summary>Checks shared by the end-to-end tests of the reviewer outputs (department CSVs, rapport.html, results.jsonl).</summary>
internal static class ReviewOutput
{
    public static readonly string[] DepartmentHeader = ["Fil", "Länk", "Nivå", "Varför", "Åtgärd", "Senast ändrad av", "Senast ändrad", "Hittat", "Id"];
    public static readonly string[] HtmlSections = ["oversikt", "nivaer", "forvaltningar", "forandring", "skal", "blinda-flackar", "halsa"];

    public static string SampleMapping => Path.Combine(TestSupport.SharedData.RepoRoot, "tests", "ClassScan.Cli.Tests", "TestData", "sample-mapping.json");

    /// <summary>
    /// Every department file holds exactly the results.csv rows that need action and map to it (by
    /// <paramref name="departmentOf"/>), level 3 before 2 before blind spots; and nothing else.
    /// </summary>
    public static void AssertDepartmentFiles(string outDir, Func<string, string> departmentOf)
    {
        var results = ReportReader.Read(Path.Combine(outDir, "results.csv"));
        var needing = results.Where(r => r["must_leave"] == "true" || r["status"] != "ok").ToList();
        var folder = Path.Combine(outDir, "forvaltningar");
        var seen = 0;
        foreach (var file in Directory.GetFiles(folder, "*.csv"))
        {
            var header = File.ReadLines(file).First().TrimStart('\uFEFF').Split(';');
            Assert.Equal(DepartmentHeader, header);
            var department = Path.GetFileNameWithoutExtension(file);
            var rows = ReportReader.Read(file);
            var expected = needing.Where(r => departmentOf(r["path"]) == department).Select(r => r["path"]).Order().ToList();
            Assert.Equal(expected, rows.Select(r => r["Fil"]).Order().ToList());
            var ranks = rows.Select(r => r["Nivå"] switch { var l when l.StartsWith('3') => 0, var l when l.StartsWith('2') => 1, _ => 2 }).ToList();
            Assert.Equal(ranks.Order().ToList(), ranks);
            foreach (var row in rows)
            {
                Assert.False(string.IsNullOrWhiteSpace(row["Varför"]), $"{row["Fil"]} has no reason");
                Assert.Matches("^(Flytta|Granska manuellt|Ta bort eller granska manuellt)", row["Åtgärd"]);
            }
            seen += rows.Count;
        }
        Assert.Equal(needing.Count, seen);
        Assert.True(File.Exists(Path.Combine(folder, "okänd.csv")));
    }

    public static XDocument AssertRapport(string outDir)
    {
        var html = File.ReadAllText(Path.Combine(outDir, "rapport.html"));
        using var reader = XmlReader.Create(new StringReader(html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        var doc = XDocument.Load(reader);
        Assert.Equal(HtmlSections, doc.Descendants("section").Select(s => (string?)s.Attribute("id")));
        foreach (var bad in new[] { "http://", "https://", "src=\"", "<script", "url(", "<link" })
            Assert.False(html.Contains(bad, StringComparison.OrdinalIgnoreCase), $"rapport.html contains '{bad}'");
        return doc;
    }

    /// <summary>results.jsonl has one object per results.csv row, same paths, levels and flags.</summary>
    public static void AssertJsonLines(string outDir)
    {
        var csv = ReportReader.Read(Path.Combine(outDir, "results.csv"));
        var lines = File.ReadAllLines(Path.Combine(outDir, "results.jsonl"));
        Assert.Equal(csv.Count, lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            using var json = JsonDocument.Parse(lines[i]);
            var o = json.RootElement;
            Assert.Equal(csv[i]["path"], o.GetProperty("path").GetString());
            Assert.Equal(csv[i]["must_leave"] == "true", o.GetProperty("must_leave").GetBoolean());
            Assert.Equal(csv[i]["level"], o.GetProperty("level").ValueKind == JsonValueKind.Null ? "" : o.GetProperty("level").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(csv[i]["evidence"], o.GetProperty("evidence").GetString());
        }
    }
}
