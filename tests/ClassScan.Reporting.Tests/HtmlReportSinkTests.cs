using System.Xml;
using System.Xml.Linq;
using ClassScan.Core.Classification;
using ClassScan.Core.Scanning;
using ClassScan.Reporting.Departments;
using ClassScan.Reporting.Html;

namespace ClassScan.Reporting.Tests;

public sealed class HtmlReportSinkTests : IDisposable
{
    private readonly DirectoryInfo dir = Directory.CreateTempSubdirectory("classscan-html-");

    public void Dispose() => dir.Delete(recursive: true);

    private static readonly DepartmentMap Map = new([new DepartmentRule("Socialförvaltningen") { PathGlobs = ["Soc/**"] }]);

    public static readonly string[] Sections = ["oversikt", "nivaer", "forvaltningar", "forandring", "skal", "blinda-flackar", "halsa"];

    private string Html => File.ReadAllText(Path.Combine(dir.FullName, HtmlReportSink.FileName));

    /// <summary>One run the way the scan command wires it: the HTML sink created first, the CSV sink completed first.</summary>
    private async Task RunAsync(IEnumerable<ScanResult> results, bool complete = true, HtmlReportSink? html = null)
    {
        html ??= new HtmlReportSink(dir.FullName, Map);
        await using var sink = new CompositeSink([new CsvReportSink(dir.FullName), html]);
        await Results.RunAsync(sink, results, complete);
    }

    /// <summary>Parses the page as XML: the writer keeps it well-formed so structure can be checked without a browser.</summary>
    internal static XDocument Parse(string html)
    {
        using var reader = XmlReader.Create(new StringReader(html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        return XDocument.Load(reader);
    }

    internal static void AssertSelfContained(string html)
    {
        foreach (var bad in new[] { "http://", "https://", "src=\"", "<script", "url(", "@import", "<link", "<iframe" })
            Assert.False(html.Contains(bad, StringComparison.OrdinalIgnoreCase), $"rapport.html contains '{bad}'");
        Assert.Contains("Content-Security-Policy", html);
        Assert.Contains("default-src 'none'", html);
    }

    [Fact]
    public async Task CompleteAsync_WellFormedSelfContainedWithEverySection()
    {
        await RunAsync(
        [
            Results.Flagged("/g/Soc/<img src=x onerror=alert(1)>.docx", KlassaLevel.StriktKonfidentiell),
            Results.Flagged("/g/Annat/\"quoted\" & 'single'.pdf", webUrl: "https://kommun.sharepoint.com/sites/x/a.pdf"),
            Results.Blind("/g/Soc/<b>fet</b>.xlsx", detail: "<script>alert(2)</script>"),
            Results.Blind("/g/Soc/<img src=x onerror=alert(1)>.pptx", ScanStatus.Error, "trasig"),
            Results.Clean("/g/Soc/ok.docx"),
        ]);

        var html = Html;
        var doc = Parse(html);
        var ids = doc.Descendants("section").Select(s => (string?)s.Attribute("id")).ToList();
        Assert.Equal(Sections, ids);
        Assert.Equal("sv", (string?)doc.Root!.Attribute("lang"));
        Assert.NotEmpty(doc.Descendants("svg"));
        AssertSelfContained(html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("<b>", html);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html);
        Assert.Contains("&lt;script&gt;alert(2)&lt;/script&gt;", html);
        Assert.DoesNotContain("19121212", html); // evidence is not in the page at all
        Assert.Contains("Körningen är komplett", html);
        Assert.Contains("Ingen tidigare körning", html);
        Assert.Contains("forvaltningar/Socialf%C3%B6rvaltningen.csv", html);
    }

    [Fact]
    public async Task CompleteAsync_SecondRun_CountsNewCleanedAndGoneFlags()
    {
        await RunAsync([Results.Flagged("/g/Soc/a.docx"), Results.Flagged("/g/Soc/b.docx"), Results.Flagged("/g/c.docx"), Results.Clean("/g/d.docx")]);
        // b was cleaned, c was deleted, d became sensitive, e is new.
        await RunAsync([Results.Flagged("/g/Soc/a.docx"), Results.Clean("/g/Soc/b.docx"), Results.Flagged("/g/d.docx"), Results.Flagged("/g/Soc/e.docx")]);

        var html = Html;
        Assert.Contains("Nya flaggor (2)", html);
        Assert.Contains("Inte längre flaggade (2)", html);
        Assert.Contains("1 lästes igen och är inte längre på nivå 2–3; 1 finns inte längre i skanningen", html);
        Assert.Contains("/g/Soc/e.docx", html);
        Assert.Contains("/g/c.docx", html);
        var table = Parse(html).Descendants("section").Single(s => (string?)s.Attribute("id") == "forvaltningar").Descendants("tr")
            .Select(tr => tr.Elements("td").Select(td => td.Value).ToArray()).Where(c => c.Length > 0).ToDictionary(c => c[0]);
        Assert.Equal(["Socialförvaltningen", "3", "2", "0", "1", "1"], table["Socialförvaltningen"][..6]);
        Assert.Equal([DepartmentMap.Unknown, "1", "1", "0", "1", "1"], table[DepartmentMap.Unknown][..6]);
    }

    [Fact]
    public async Task CompleteAsync_IncompleteRun_BannerAndGoneNotCounted()
    {
        await RunAsync([Results.Flagged("/g/a.docx"), Results.Flagged("/g/b.docx")]);
        await RunAsync([Results.Flagged("/g/a.docx")], complete: false);

        var html = Html;
        Assert.Contains("OFULLSTÄNDIG", html);
        Assert.Contains("borttagna filer räknas inte eftersom körningen är ofullständig", html);
        Assert.Contains("Inte längre flaggade (0)", html);
    }

    [Fact]
    public async Task Constructor_CorruptPreviousSummary_ReportsNoComparisonInsteadOfFailing()
    {
        File.WriteAllText(Path.Combine(dir.FullName, "summary.json"), "{ trasig");
        await RunAsync([Results.Flagged("/g/a.docx")]);

        Assert.Contains("summary.json kunde inte läsas", Html);
    }

    [Fact]
    public async Task CompleteAsync_ReasonsDifferingOnlyInConfidence_AreCountedTogether()
    {
        await RunAsync(
        [
            Results.Flagged("/a", reason: "Texten liknar konfidentiella handlingar (klassificeraren 81 %)"),
            Results.Flagged("/b", reason: "Texten liknar konfidentiella handlingar (klassificeraren 97 %)"),
            Results.Flagged("/c"),
        ]);

        var rows = Parse(Html).Descendants("section").Single(s => (string?)s.Attribute("id") == "skal").Descendants("tr")
            .Select(tr => tr.Elements("td").Select(td => td.Value).ToArray()).Where(c => c.Length > 0).ToList();
        Assert.Equal(["Texten liknar konfidentiella handlingar", "2"], rows[0][..2]);
        Assert.Equal(2, rows.Count);
    }

    [Fact]
    public async Task CompleteAsync_ManyBlindSpots_ListIsCappedAndSaysHowManyMore()
    {
        await RunAsync(Enumerable.Range(0, HtmlReportSink.MaxListed + 50).Select(i => Results.Blind($"/g/x{i:D4}.pdf", ScanStatus.NoText, "inget textlager")));

        var section = Parse(Html).Descendants("section").Single(s => (string?)s.Attribute("id") == "blinda-flackar");
        Assert.Equal(HtmlReportSink.MaxListed, section.Descendants("td").Count(td => (string?)td.Attribute("class") == "path"));
        Assert.Contains("… och 50 till", section.Value);
    }

    [Fact]
    public async Task CompleteAsync_ExtraHealth_ShownAndProblemMarked()
    {
        var html = new HtmlReportSink(dir.FullName, Map) { ExtraHealth = () => [new HealthMetric("Strypningar (HTTP 429/503)", "17", Problem: true)] };
        await RunAsync([Results.Clean("/a")], html: html);

        var row = Parse(Html).Descendants("tr").Single(tr => tr.Element("th")?.Value == "Strypningar (HTTP 429/503)");
        Assert.Equal("problem", (string?)row.Attribute("class"));
        Assert.Equal("17", row.Element("td")!.Value);
    }
}
