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
        Assert.Contains("Ingen jämförelse", html);
        Assert.Contains("forvaltningar/Socialf%C3%B6rvaltningen.csv", html);
    }

    private static FlagChange Change(FlagChangeKind kind, string why, string path, int? level = 2, int? previousLevel = 2, string? detail = null, string? previousPath = null) =>
        new(kind, why, path, level, previousLevel, "Personnummer som identifierar en person (regel 3)", detail, "local:/g") { PreviousPath = previousPath };

    /// <summary>The state's change list for one night: every kind changes.csv knows.</summary>
    private static readonly FlagChange[] Night =
    [
        Change(FlagChangeKind.NewlyFlagged, "new", "/g/Soc/e.docx", previousLevel: null),
        Change(FlagChangeKind.NewlyFlagged, "changed", "/g/d.docx", previousLevel: 1),
        Change(FlagChangeKind.NewlyFlagged, "moved-in", "/g/Soc/flyttad.docx", previousLevel: null, detail: "flyttad hit från /g/gammal.docx"),
        Change(FlagChangeKind.NoLongerFlagged, "moved", "/g/gammal.docx", detail: "flyttad till /g/Soc/flyttad.docx"),
        Change(FlagChangeKind.NoLongerFlagged, "cleaned", "/g/Soc/b.docx", level: 1, detail: "bedöms nu som nivå 1"),
        Change(FlagChangeKind.NoLongerFlagged, "deleted", "/g/c.docx", detail: "finns inte längre i mappen"),
        Change(FlagChangeKind.StillFlagged, "renamed", "/g/Soc/nytt namn.docx", previousPath: "/g/Soc/a.docx"),
        Change(FlagChangeKind.StillFlagged, "unchanged", "/g/Soc/h.docx"),
    ];

    private static Dictionary<string, string[]> DepartmentRows(string html) =>
        Parse(html).Descendants("section").Single(s => (string?)s.Attribute("id") == "forvaltningar").Descendants("tr")
            .Select(tr => tr.Elements("td").Select(td => td.Value).ToArray()).Where(c => c.Length > 0).ToDictionary(c => c[0]);

    private static string Section(string html, string id) => Parse(html).Descendants("section").Single(s => (string?)s.Attribute("id") == id).Value;

    [Fact]
    public async Task CompleteAsync_StateChanges_MoveAndRenameCountedAsMovedNotNewOrGone()
    {
        var html = new HtmlReportSink(dir.FullName, Map) { Changes = () => Night };
        await RunAsync(
        [
            Results.Flagged("/g/Soc/e.docx"), Results.Flagged("/g/d.docx"), Results.Flagged("/g/Soc/flyttad.docx"), Results.Clean("/g/Soc/b.docx"),
            Results.Flagged("/g/Soc/nytt namn.docx"), Results.Flagged("/g/Soc/h.docx"),
        ], html: html);

        var page = Html;
        var change = Section(page, "forandring");
        Assert.Contains("Nya flaggor (2)", change);
        Assert.Contains("Flyttade eller omdöpta (2)", change);
        Assert.Contains("Inte längre flaggade (2)", change);
        Assert.Contains("1 lästes igen och är inte längre på nivå 2–3; 1 finns inte längre i skanningen", change);
        Assert.Contains("förut /g/Soc/a.docx", change);
        Assert.Contains("flyttad hit från /g/gammal.docx", change);
        Assert.Contains("/g/c.docx", change);
        Assert.DoesNotContain("/g/Soc/h.docx", change); // unchanged: nothing to say
        Assert.DoesNotContain("flyttad till", change);  // the moved half of the pair is not a resolved flag
        // Förra = still + no longer (5), nu = still + newly (5).
        var compare = Parse(page).Descendants("tr").Single(tr => tr.Element("th")?.Value == "Måste lämna M365").Elements("td").Select(td => td.Value);
        Assert.Equal(["5", "5", "±0"], compare);
        var rows = DepartmentRows(page);
        Assert.Equal(["Socialförvaltningen", "5", "4", "0", "1", "1", "2"], rows["Socialförvaltningen"][..7]);
        Assert.Equal([DepartmentMap.Unknown, "1", "1", "0", "1", "1", "0"], rows[DepartmentMap.Unknown][..7]);
    }

    [Fact]
    public async Task CompleteAsync_NoStateChanges_SaysThereIsNoComparison()
    {
        await RunAsync([Results.Flagged("/g/Soc/a.docx")]);
        await RunAsync([Results.Flagged("/g/Soc/nytt namn.docx")]); // a second run in the same folder still compares nothing

        var page = Html;
        var change = Section(page, "forandring");
        Assert.Contains("Ingen jämförelse", change);
        Assert.Contains("--no-state", change);
        Assert.DoesNotContain("Nya flaggor", page);
        Assert.DoesNotContain("/g/Soc/a.docx", page);
        Assert.Equal(["Socialförvaltningen", "1", "1", "0"], DepartmentRows(page)["Socialförvaltningen"][..^1]);
    }

    [Fact]
    public async Task CompleteAsync_IncompleteRun_BannerAndNoteThatUnreadFilesKeepTheirFlag()
    {
        var html = new HtmlReportSink(dir.FullName, Map) { Changes = () => [Change(FlagChangeKind.StillFlagged, "unchanged", "/g/a.docx")] };
        await RunAsync([Results.Flagged("/g/a.docx")], complete: false, html: html);

        var page = Html;
        Assert.Contains("OFULLSTÄNDIG", page);
        Assert.Contains("behåller sin förra bedömning", Section(page, "forandring"));
        Assert.Contains("Inte längre flaggade (0)", page);
    }

    [Fact]
    public async Task CompleteAsync_FromState_SaysWhoseVerdictsAndShowsNoRunSpeed()
    {
        var html = new HtmlReportSink(dir.FullName, Map) { Changes = () => [], FromState = true };
        await RunAsync([Results.Flagged("/g/Soc/a.docx")], html: html);

        var page = Html;
        Assert.Contains("Skapad ur tillståndet", page);
        Assert.Contains("Filer i tillståndet", page);
        Assert.Contains("inga filer lästes nu", Section(page, "halsa"));
        Assert.DoesNotContain("Filer per sekund", page);
        Assert.DoesNotContain("Körningen slutade", page);
    }

    [Fact]
    public async Task CompleteAsync_ScanRun_ShowsRunSpeedNotStateSource()
    {
        await RunAsync([Results.Flagged("/g/Soc/a.docx")]);

        var page = Html;
        Assert.Contains("Körningen slutade", page);
        Assert.Contains("Filer per sekund", Section(page, "halsa"));
        Assert.DoesNotContain("Skapad ur tillståndet", page);
    }

    [Fact]
    public async Task CompleteAsync_EmptyChanges_ComparesWithNothingChanged()
    {
        var html = new HtmlReportSink(dir.FullName, Map) { Changes = () => [] };
        await RunAsync([Results.Clean("/g/a.docx")], html: html);

        var change = Section(Html, "forandring");
        Assert.Contains("Nya flaggor (0)", change);
        Assert.Contains("Flyttade eller omdöpta (0)", change);
        Assert.DoesNotContain("Ingen jämförelse", change);
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
