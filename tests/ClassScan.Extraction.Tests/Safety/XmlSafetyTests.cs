using System.Diagnostics;
using System.Text;
using ClassScan.Core.Documents;
using ClassScan.TestSupport.Documents;

namespace ClassScan.Extraction.Tests.Safety;

/// <summary>
/// XXE and entity-expansion attacks planted in every XML part of real OOXML packages, in .xml and .html files
/// and in e-mail: no DTD is processed, so no entity is expanded, no local file is read, nothing on the
/// network is contacted (a loopback listener counts connections), and each file is done within seconds.
/// A file may fail as corrupt (a DOCTYPE is not allowed in OOXML parts) but never with another exception.
/// </summary>
public sealed class XmlSafetyTests : IDisposable
{
    private static readonly TimeSpan Quickly = TimeSpan.FromSeconds(10);

    private readonly LoopbackTrap trap = new();

    public void Dispose() => trap.Dispose();

    public enum Attack
    {
        ExternalEntities,
        BillionLaughs,
    }

    private static byte[] Docx() => new DocxBuilder()
        .Title(HostileXml.Marker)
        .Header("sidhuvud " + HostileXml.Marker)
        .Footer("sidfot " + HostileXml.Marker)
        .Paragraph("Brödtext " + HostileXml.Marker)
        .Footnote("fotnot", HostileXml.Marker)
        .Comment("kommentar", HostileXml.Marker)
        .CustomProperty("Klassning", HostileXml.Marker)
        .Build();

    private static byte[] Xlsx() => new XlsxBuilder()
        .Sheet("Blad1", s => s.Row("Namn " + HostileXml.Marker, 1).Row(XlsxCell.Inline(HostileXml.Marker)).Comment("A1", HostileXml.Marker).Header(HostileXml.Marker))
        .Build();

    private static byte[] Pptx() => new PptxBuilder().Slide("Bild " + HostileXml.Marker).Notes(HostileXml.Marker).Comment(HostileXml.Marker).Build();

    private static readonly Dictionary<string, Func<byte[]>> Packages = new(StringComparer.Ordinal)
    {
        ["docx"] = Docx,
        ["xlsx"] = Xlsx,
        ["pptx"] = Pptx,
    };

    public static TheoryData<string, string, Attack> EveryPart()
    {
        var data = new TheoryData<string, string, Attack>();
        foreach (var (format, build) in Packages)
            foreach (var entry in HostileXml.XmlEntries(build()))
                foreach (var attack in Enum.GetValues<Attack>())
                    data.Add(format, entry, attack);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPart))]
    public void Extract_OoxmlPartWithHostileDtd_NoExpansionNoFileNoNetwork(string format, string entry, Attack attack)
    {
        var (doctype, reference) = Hostile(attack);
        var file = HostileXml.PlantInPart(Packages[format](), entry, doctype, reference);

        AssertSafe("hostile." + format, file);
    }

    [Theory]
    [InlineData(Attack.ExternalEntities)]
    [InlineData(Attack.BillionLaughs)]
    public void Extract_XmlFileWithHostileDtd_EntitiesLeftAsWritten(Attack attack)
    {
        var (doctype, reference) = Hostile(attack);
        var xml = HostileXml.Plant($"<?xml version=\"1.0\"?><arende><namn>Elsa {HostileXml.Marker}</namn></arende>", doctype, reference);

        var text = AssertSafe("arende.xml", Encoding.UTF8.GetBytes(xml));

        Assert.Contains("Elsa", text.AllText());
    }

    [Fact]
    public void Extract_HtmlWithEntitiesAndExternalResources_NothingFetched()
    {
        var html = $"""
            <!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY % remote SYSTEM "{trap.Url("dtd")}"> %remote;]>
            <html><head><title>Kallelse</title>
            <link rel="stylesheet" href="{trap.Url("css")}"><script src="{trap.Url("js")}"></script>
            <base href="{trap.Url("")}"><meta http-equiv="refresh" content="0; url={trap.Url("refresh")}"></head>
            <body style="background:url({trap.Url("bg")})"><img src="{trap.Url("img")}"><iframe src="file:///etc/passwd"></iframe>
            <object data="{trap.Url("obj")}"></object><p>Hej &xxe; {HostileXml.BillionLaughs()}&lol9;</p></body></html>
            """;

        var text = AssertSafe("kallelse.html", Encoding.UTF8.GetBytes(html));

        Assert.Contains("Hej", text.AllText());
    }

    [Fact]
    public void Extract_EmailWithHostileHtmlAndAttachments_NothingFetched()
    {
        var (doctype, reference) = Hostile(Attack.ExternalEntities);
        var eml = new EmlBuilder()
            .From("a@example.se").To("b@example.se").Subject("Underlag")
            .Html($"<html><body><img src=\"{trap.Url("mail-img")}\"><p>Se bilagor</p></body></html>")
            .Attach("underlag.xml", Encoding.UTF8.GetBytes(HostileXml.Plant($"<?xml version=\"1.0\"?><a>{HostileXml.Marker}</a>", doctype, reference)))
            .Attach("underlag.docx", HostileXml.PlantInPart(Docx(), "word/document.xml", doctype, reference))
            .Build();

        var text = AssertSafe("underlag.eml", eml);

        Assert.Contains("Se bilagor", text.AllText());
    }

    [Fact]
    public void LoopbackTrap_ParserThatResolvesEntities_CountsTheFetch()
    {
        // The control: a reader that does process DTDs reaches the trap, so a zero above means something.
        var xml = HostileXml.Plant($"<?xml version=\"1.0\"?><a>{HostileXml.Marker}</a>", HostileXml.ExternalEntities(trap), "");
        var settings = new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Parse, XmlResolver = new System.Xml.XmlUrlResolver() };

        Assert.ThrowsAny<Exception>(() =>
        {
            using var reader = System.Xml.XmlReader.Create(new StringReader(xml), settings);
            while (reader.Read()) { }
        });

        Assert.True(trap.Connections > 0);
    }

    private (string Doctype, string Reference) Hostile(Attack attack) => attack switch
    {
        Attack.ExternalEntities => (HostileXml.ExternalEntities(trap), HostileXml.ExternalReferences),
        _ => (HostileXml.BillionLaughs(), HostileXml.LaughReference),
    };

    /// <summary>Extracts as the pipeline would; returns the text, or an empty text when the file failed as corrupt.</summary>
    private ExtractedText AssertSafe(string fileName, byte[] file)
    {
        var extractor = ExtractionHelper.Select(fileName, file);
        Assert.NotNull(extractor);
        var clock = Stopwatch.StartNew();
        var text = ExtractionHelper.Result(extractor, file) switch
        {
            ExtractionResult.Text(var whole) => whole,
            ExtractionResult.Corrupt => ExtractedText.Empty,
            var other => throw new Xunit.Sdk.XunitException($"{fileName}: {other}"),
        };
        clock.Stop();

        Assert.True(clock.Elapsed < Quickly, $"took {clock.Elapsed.TotalSeconds:0.0} s");
        var all = text.AllText() + string.Join("\n", text.Notes);
        Assert.DoesNotContain(HostileXml.PasswdSignature, all, StringComparison.Ordinal);
        Assert.DoesNotContain(HostileXml.LaughSignature, all, StringComparison.Ordinal);
        Thread.Sleep(50); // a connection attempt made at the very end is counted too
        Assert.Equal(0, trap.Connections);
        return text;
    }
}
