using ClassScan.Core.Documents;
using ClassScan.Extraction.Image;

namespace ClassScan.Extraction.Tests.Image;

public sealed class ImageExtractorTests
{
    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0 })]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 })]
    [InlineData(new byte[] { (byte)'I', (byte)'I', (byte)'*', 0 })]
    [InlineData(new byte[] { (byte)'M', (byte)'M', 0, (byte)'*' })]
    [InlineData(new byte[] { (byte)'B', (byte)'M', 1, 2 })]
    public void Extract_Image_OnePageWithoutTextForOcr(byte[] bytes)
    {
        var result = ImageExtractor.Instance.Extract(new MemoryStream(bytes), ExtractionLimits.Default, CancellationToken.None);

        var text = Assert.IsType<ExtractionResult.Text>(result).Content;
        Assert.Empty(text.Segments);
        Assert.Equal([1], text.TextlessPages);
        Assert.Equal((1, 1), (text.PagesWithoutText, text.PageCount));
        Assert.Equal([ImageExtractor.Note], text.Notes);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0xC2, 0x89, 0x50, 0x4E, 0x47 })] // "\u0089PNG" written as UTF-8 text
    [InlineData(new byte[] { (byte)'h', (byte)'e', (byte)'j' })]
    public void Extract_NotAnImage_Corrupt(byte[] bytes)
    {
        var result = ImageExtractor.Instance.Extract(new MemoryStream(bytes), ExtractionLimits.Default, CancellationToken.None);

        Assert.IsType<ExtractionResult.Corrupt>(result);
    }
}
