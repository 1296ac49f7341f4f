using System.Text;
using ClassScan.Core.Documents;
using ClassScan.Extraction.Text;
using ClassScan.TestSupport.Documents;

namespace ClassScan.Extraction.Tests.Text;

public class HtmlExtractorTests
{
    private static ExtractedText Extract(byte[] html) => ExtractionHelper.Run(HtmlExtractor.Instance, html);

    [Fact]
    public void Extract_ScriptStyleAndEntities_TextOnlyWithBlocksAsLines()
    {
        const string html = """
            <html><head><title>Beslut &amp; protokoll</title><style>p { color: red }</style>
            <script>var pnr = "19121212-1212";</script></head>
            <body><h1>Rubrik</h1><p>Första   stycket&nbsp;med <b>fet</b> text.</p><div>Andra</div>
            <table><tr><td>Namn</td><td>Ålder</td></tr></table><noscript>ingen js</noscript></body></html>
            """;

        var text = Extract(Encoding.UTF8.GetBytes(html));

        Assert.Equal("Beslut & protokoll", Assert.Single(text.OfKind(SegmentKind.Metadata), s => s.Location == "titel").Text);
        var body = Assert.Single(text.OfKind(SegmentKind.Body)).Text;
        Assert.DoesNotContain("19121212", body, StringComparison.Ordinal);
        Assert.DoesNotContain("color", body, StringComparison.Ordinal);
        Assert.DoesNotContain("ingen js", body, StringComparison.Ordinal);
        Assert.Contains("Rubrik\nFörsta stycket med fet text.\nAndra", body, StringComparison.Ordinal);
        Assert.Contains("Namn\tÅlder", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_Windows1252WithoutCharset_SwedishRight()
    {
        var text = Extract(TestDocuments.Windows1252("<p>Växjö kommun</p>"));

        Assert.Equal("Växjö kommun", text.AllText());
    }

    [Fact]
    public void Extract_DeeplyNested_NoStackOverflow()
    {
        var html = string.Concat(Enumerable.Repeat("<span>", 5000)) + "djupt" + string.Concat(Enumerable.Repeat("</span>", 5000));

        var result = ExtractionHelper.Result(HtmlExtractor.Instance, Encoding.UTF8.GetBytes(html));

        Assert.True(result is ExtractionResult.Text or ExtractionResult.Corrupt, result.ToString());
    }
}
