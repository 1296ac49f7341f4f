using ClassScan.Core.Documents;

namespace ClassScan.Core.Tests.Documents;

/// <summary>
/// The result type every extractor returns: which cases carry text, what a partial text must be, and value equality
/// (the worker boundary and the tests compare results). How a result becomes a report row is Pipeline's
/// (ExtractionResultDescribeTests).
/// </summary>
public sealed class ExtractionResultTests
{
    private static readonly ExtractedText Whole = Segment("vanlig text");
    private static readonly ExtractedText Beginning = new([new TextSegment(SegmentKind.Body, "brödtext", "början")]) { Truncated = true };

    public static TheoryData<ExtractionResult, ExtractedText> WithText => new()
    {
        { new ExtractionResult.Text(Whole), Whole },
        { new ExtractionResult.PartialText(Beginning, 6), Beginning },
    };

    [Theory]
    [MemberData(nameof(WithText))]
    public void TextRead_TextOrPartialText_TheText(ExtractionResult result, ExtractedText read)
    {
        Assert.Same(read, result.TextRead);
        Assert.False(result is ExtractionResult.Failure);
    }

    [Fact]
    public void PartialText_TextNotMarkedTruncated_Rejected()
    {
        Assert.Throws<ArgumentException>(() => new ExtractionResult.PartialText(Segment("hela texten"), 100));
    }

    [Fact]
    public void Failures_SameCaseAndReason_Equal()
    {
        Assert.Equal(new ExtractionResult.Corrupt("x"), new ExtractionResult.Corrupt("x"));
        Assert.NotEqual<ExtractionResult>(new ExtractionResult.Corrupt("x"), new ExtractionResult.Unsupported("x"));
        Assert.NotEqual(new ExtractionResult.LimitReached("MaxPdfPages", "x"), new ExtractionResult.LimitReached("MaxFileBytes", "x"));
    }

    [Fact]
    public void Container_TextRead_NullAndNotAFailure()
    {
        ExtractionResult container = new ExtractionResult.Container([new ContainerEntry("a.txt", new ExtractionResult.Text(Whole))], []);

        Assert.Null(container.TextRead);
        Assert.IsNotAssignableFrom<ExtractionResult.Failure>(container);
    }

    [Fact]
    public void ContainerEntry_NestedContainer_RejectedAndLeavesAccepted()
    {
        var inner = new ExtractionResult.Container([], []);

        Assert.Throws<ArgumentException>(() => new ContainerEntry("inner.zip", inner));
        Assert.IsType<ExtractionResult.Encrypted>(new ContainerEntry("inner.zip", new ExtractionResult.Encrypted("x")).Result);
    }

    private static ExtractedText Segment(string text) => new([new TextSegment(SegmentKind.Body, "brödtext", text)]);
}
