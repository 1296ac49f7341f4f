namespace ClassScan.Ocr.Tests;

/// <summary>What doctor and the scan say is missing, from a probe's findings (no programs needed).</summary>
public sealed class OcrToolsTests
{
    [Theory]
    [InlineData(null, new[] { "swe", "eng" }, "swe+eng", "tesseract hittades inte")]
    [InlineData("/usr/bin/tesseract", new[] { "eng", "osd" }, "swe+eng", "tesseract saknar språkmodell swe (paketet tesseract-ocr-swe)")]
    [InlineData("/usr/bin/tesseract", new[] { "swe" }, "swe+eng", "tesseract saknar språkmodell eng (paketet tesseract-ocr-eng)")]
    [InlineData("/usr/bin/tesseract", new[] { "swe", "eng" }, "swe+eng", null)]
    [InlineData("/usr/bin/tesseract", new[] { "swe" }, "swe", null)]
    public void Missing_ProbedTools_SaysWhatToInstall(string? tesseract, string[] languages, string wanted, string? expected)
    {
        var tools = new OcrTools { Tesseract = tesseract, Languages = languages };

        Assert.Equal(expected, tools.Missing(wanted));
    }

    [Fact]
    public async Task ProbeAsync_ProgramNotThere_CountsAsAbsent()
    {
        var tools = await OcrTools.ProbeAsync(TimeSpan.FromSeconds(5), CancellationToken.None, tesseractPath: "/nonexistent/tesseract", pdftoppmPath: null);

        Assert.Null(tools.Tesseract);
        Assert.Equal("tesseract hittades inte", tools.Missing("swe"));
    }
}
