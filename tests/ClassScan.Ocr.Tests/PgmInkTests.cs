using System.Text;

namespace ClassScan.Ocr.Tests;

public sealed class PgmInkTests : IDisposable
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"classscan-pgm-test-{Guid.NewGuid():N}.pgm");

    public void Dispose() => File.Delete(file);

    private string Pgm(string header, int pixels, int darkPixels)
    {
        var body = Enumerable.Repeat((byte)250, pixels).ToArray();
        for (var i = 0; i < darkPixels; i++) body[i * 7 % pixels] = 10;
        File.WriteAllBytes(file, [.. Encoding.ASCII.GetBytes(header), .. body]);
        return file;
    }

    [Theory]
    [InlineData("P5\n100 100\n255\n", 0)]
    [InlineData("P5\n100 100\n255\n", 99)] // specks of dust
    [InlineData("P5 # pdftoppm\n100 100\n255\n", 5)]
    public void IsBlank_NoInk_True(string header, int dark)
    {
        Assert.True(PgmInk.IsBlank(Pgm(header, 10_000, dark)));
    }

    [Theory]
    [InlineData("P5\n100 100\n255\n", 10_000, 100)] // a short word
    [InlineData("P5\n100 100\n255\n", 10_000, 3000)]
    [InlineData("P6\n100 100\n255\n", 10_000, 0)] // colour: not ours to judge
    [InlineData("P5\n100 100\n65535\n", 10_000, 0)] // 16-bit
    [InlineData("P5\n100 100\n255\n", 5_000, 0)] // truncated: the pixels are not all there
    [InlineData("garbage", 10, 0)]
    public void IsBlank_InkOrNotAPlainGreyPgm_False(string header, int pixels, int dark)
    {
        Assert.False(PgmInk.IsBlank(Pgm(header, pixels, dark)));
    }
}
