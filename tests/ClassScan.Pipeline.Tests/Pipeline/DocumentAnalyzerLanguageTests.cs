using ClassScan.Core.Documents;
using ClassScan.Core.Findings;
using ClassScan.Core.Language;
using ClassScan.Core.Scanning;
using ClassScan.TestSupport.Fakes;

namespace ClassScan.Pipeline.Tests.Pipeline;

/// <summary>The judge stage tags the text with its languages before any detector runs (and only then).</summary>
public sealed class DocumentAnalyzerLanguageTests
{
    private static readonly SourceItem Item = new("a.txt", "a.txt", null, null);
    private static readonly ExtractedText Text = new([new TextSegment(SegmentKind.Body, "brödtext", "The council met on Monday.")]);

    [Fact]
    public void Judge_WithIdentifier_DetectorsSeeTheLanguages()
    {
        var probe = new LanguageProbe();
        var analyzer = new DocumentAnalyzer(new ScriptedExtractor(), [probe], new ClassScan.Policy.KlassaRuleEngine(), languages: new FixedIdentifier("en"));

        var result = analyzer.Judge(Item, Text, "scripted", CancellationToken.None);

        Assert.Equal(ScanStatus.Ok, result.Status);
        Assert.Equal(["en"], probe.Seen);
    }

    [Fact]
    public void Judge_WithoutIdentifier_LanguageIsUnknown()
    {
        var probe = new LanguageProbe();
        var analyzer = new DocumentAnalyzer(new ScriptedExtractor(), [probe], new ClassScan.Policy.KlassaRuleEngine());

        analyzer.Judge(Item, Text, "scripted", CancellationToken.None);

        Assert.Equal([null], probe.Seen);
    }

    private sealed class FixedIdentifier(string language) : ILanguageIdentifier
    {
        public LanguageProfile Identify(ExtractedText text) => new(language, []);
    }

    private sealed class LanguageProbe : IDetector
    {
        public List<string?> Seen { get; } = [];

        public string Id => "test.language";

        public void Detect(ExtractedText text, ICollection<Finding> findings) => Seen.Add(text.LanguageOf(0));
    }
}
