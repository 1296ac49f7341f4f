using System.Text;
using ClassScan.Core.Documents;
using ClassScan.Extraction.Text;
using ClassScan.TestSupport.Documents;
using FsCheck.Xunit;

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
    public void Extract_TextBeyondLimit_StopsWithTheFirstCharacters()
    {
        var text = "Patienten 19121212-1212 har diabetes.\n" + string.Concat(Enumerable.Repeat("Rad utan fynd.\n", 100_000));
        var partial = Assert.IsType<ExtractionResult.PartialText>(
            ExtractionHelper.Result(PlainTextExtractor.Instance, System.Text.Encoding.UTF8.GetBytes(text), ExtractionLimits.Default with { MaxExtractedChars = 100 }));
        Assert.True(partial.Content.Truncated);
        Assert.Equal(100, partial.Content.TotalChars);
        Assert.Equal(100, partial.Limit);
        Assert.StartsWith("Patienten 19121212-1212 har diabetes.", partial.Content.Segments[0].Text);
    }

    // The promise of MaxExtractedChars (ExtractionLimits, SegmentCollector): past the limit the result is the text read
    // so far, the segment that crossed the limit cut at it. So for any limit below the text's length the partial text
    // is exactly the first `limit` characters (one segment here: the text is under one chunk), no more and no fewer,
    // marked Truncated and naming the limit.
    [Property(MaxTest = 200)]
    public void Extract_AnyLimit_PartialIsExactlyThePrefixUpToTheLimit(FsCheck.PositiveInt limit)
    {
        var text = string.Concat(Enumerable.Range(0, 2000).Select(i => $"rad {i}\n"));
        var max = Math.Min(limit.Get, text.Length - 1);
        var result = ExtractionHelper.Result(PlainTextExtractor.Instance, System.Text.Encoding.UTF8.GetBytes(text), ExtractionLimits.Default with { MaxExtractedChars = max });
        var partial = Assert.IsType<ExtractionResult.PartialText>(result);
        var segment = Assert.Single(partial.Content.Segments);
        Assert.Equal(text[..max], segment.Text);
        Assert.Equal(max, partial.Content.TotalChars);
        Assert.True(partial.Content.Truncated);
        Assert.Equal(max, partial.Limit);
    }

    [Fact]
    public void Extract_FileBeyondSizeLimit_FileLimit()
    {
        var ex = Assert.IsType<ExtractionResult.LimitReached>(
            ExtractionHelper.Result(PlainTextExtractor.Instance, new byte[5000], ExtractionLimits.Default with { MaxFileBytes = 100 }));
        Assert.Equal(nameof(ExtractionLimits.MaxFileBytes), ex.LimitName);
    }
}
