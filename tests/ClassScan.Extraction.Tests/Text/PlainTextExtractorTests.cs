using System.Text;
using ClassScan.Core.Documents;
using ClassScan.Extraction.Text;
using ClassScan.TestSupport.Documents;

namespace ClassScan.Extraction.Tests.Text;

public class PlainTextExtractorTests
{
    private const string Swedish = "Räksmörgås åäö ÅÄÖ é – 19121212-1212";

    public static TheoryData<string, byte[]> Encodings() => new()
    {
        { "utf8", TestDocuments.Text(Swedish, new UTF8Encoding(false)) },
        { "utf8-bom", TestDocuments.Text(Swedish, new UTF8Encoding(true), bom: true) },
        { "utf16le-bom", TestDocuments.Text(Swedish, Encoding.Unicode, bom: true) },
        { "utf16be-bom", TestDocuments.Text(Swedish, Encoding.BigEndianUnicode, bom: true) },
        { "utf16le-no-bom", TestDocuments.Text(Swedish, Encoding.Unicode) },
        { "windows-1252", TestDocuments.Windows1252(Swedish) },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Extract_Encoding_SwedishLettersRight(string name, byte[] bytes)
    {
        var text = ExtractionHelper.Run(PlainTextExtractor.Instance, bytes);

        Assert.True(Swedish == text.AllText(), $"{name}: got '{text.AllText()}'");
        Assert.Equal(SegmentKind.Body, text.Segments.Single().Kind);
        Assert.Equal("text", text.Segments.Single().Location);
    }

    [Fact]
    public void Extract_Windows1252Bytes_NeverReplacementCharacters()
    {
        var text = ExtractionHelper.Run(PlainTextExtractor.Instance, TestDocuments.Windows1252("Göteborg"));

        Assert.DoesNotContain('\uFFFD', text.AllText());
    }

    [Fact]
    public void Extract_EmptyFile_Blank()
    {
        Assert.True(ExtractionHelper.Run(PlainTextExtractor.Instance, []).IsBlank);
    }

    [Fact]
    public void Extract_LargeText_SplitAtLineEnds()
    {
        var line = new string('x', 99) + "\n";
        var big = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(line, 25_000)));

        var text = ExtractionHelper.Run(PlainTextExtractor.Instance, big);

        Assert.True(text.Segments.Count > 1);
        Assert.All(text.Segments, s => Assert.EndsWith("x", s.Text, StringComparison.Ordinal));
        Assert.Equal(2_475_000, text.Segments.Sum(s => s.Text.Replace("\n", "", StringComparison.Ordinal).Length));
    }

    [Fact]
    public void Extract_TextBeyondLimit_ThrowsLimit()
    {
        var ex = Assert.Throws<ExtractionLimitException>(() =>
            ExtractionHelper.Run(PlainTextExtractor.Instance, new byte[5000], ExtractionLimits.Default with { MaxExtractedChars = 100 }));
        Assert.Equal(nameof(ExtractionLimits.MaxExtractedChars), ex.LimitName);
    }

    [Fact]
    public void Extract_FileBeyondSizeLimit_ThrowsFileLimit()
    {
        var ex = Assert.Throws<ExtractionLimitException>(() =>
            ExtractionHelper.Run(PlainTextExtractor.Instance, new byte[5000], ExtractionLimits.Default with { MaxFileBytes = 100 }));
        Assert.Equal(nameof(ExtractionLimits.MaxFileBytes), ex.LimitName);
    }
}
