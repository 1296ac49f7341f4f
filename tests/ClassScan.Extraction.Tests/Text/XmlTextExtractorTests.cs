using System.Text;
using ClassScan.Extraction.Text;

namespace ClassScan.Extraction.Tests.Text;

public class XmlTextExtractorTests
{
    private static string Extract(string xml) =>
        ExtractionHelper.Run(XmlTextExtractor.Instance, Encoding.UTF8.GetBytes(xml)).AllText();

    [Fact]
    public void Extract_ElementsAndAttributes_ValuesKeptMarkupDropped()
    {
        var text = Extract("""<?xml version="1.0"?><personer xmlns="urn:x"><person pnr="19121212-1212"><namn>Tolvan &amp; Co</namn></person></personer>""");

        Assert.Equal("19121212-1212\nTolvan & Co", text);
    }

    [Fact]
    public void Extract_BillionLaughs_NoExpansion()
    {
        var sb = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i < 10; i++) sb.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{(i == 1 ? "" : (i - 1).ToString(System.Globalization.CultureInfo.InvariantCulture))};", 10))}\">");
        sb.Append("]><lolz>&lol9;</lolz>");

        var text = Extract(sb.ToString());

        Assert.Equal("&lol9;", text);
    }

    [Fact]
    public void Extract_ExternalEntity_NotResolved()
    {
        var path = Path.Combine(Path.GetTempPath(), "classscan-xxe-" + Guid.NewGuid().ToString("N") + ".txt");
        File.WriteAllText(path, "HEMLIGT-INNEHÅLL");
        try
        {
            var text = Extract($"""<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file://{path}">]><d>&xxe;</d>""");

            Assert.DoesNotContain("HEMLIGT", text, StringComparison.Ordinal);
            Assert.Equal("&xxe;", text);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Extract_MalformedXml_StillText()
    {
        Assert.Equal("öppen\ntagg", Extract("<a>öppen<b>tagg"));
    }

    [Fact]
    public void Extract_CdataCommentsAndCharacterReferences_Decoded()
    {
        Assert.Equal("<rå>\nanteckning\nÅ", Extract("<a><![CDATA[<rå>]]><!-- anteckning -->&#197;</a>"));
    }

    [Fact]
    public void Extract_DeclaredLatin1Encoding_Honoured()
    {
        var bytes = Encoding.Latin1.GetBytes("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>åäö</a>");

        Assert.Equal("åäö", ExtractionHelper.Run(XmlTextExtractor.Instance, bytes).AllText());
    }
}
