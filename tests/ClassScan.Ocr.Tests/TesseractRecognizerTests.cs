using ClassScan.TestSupport.Ocr;

namespace ClassScan.Ocr.Tests;

/// <summary>
/// The real programs on the golden scan (Golden/make-scanned.sh): a PDF page without a text layer and the same page
/// as a PNG, each holding the Skatteverket test number 19121212-1212 and Swedish sentences.
/// </summary>
[Trait("Category", OcrAvailability.Category)]
public sealed class TesseractRecognizerTests
{
    private static readonly string Golden = Path.Combine(AppContext.BaseDirectory, "Golden");

    private static async Task<TesseractRecognizer> RecognizerAsync() =>
        new(await OcrTools.ProbeAsync(TimeSpan.FromSeconds(15), CancellationToken.None));

    [OcrTheory]
    [InlineData("skannad.pdf")]
    [InlineData("skannad.png")]
    public async Task RecognizeAsync_GoldenScan_ReadsTheNumberAndTheSwedishWords(string file)
    {
        var ocr = await RecognizerAsync();

        var page = await ocr.RecognizeAsync(Path.Combine(Golden, file), 1, CancellationToken.None);

        Assert.Null(page.Failure);
        Assert.Contains("19121212-1212", page.Text, StringComparison.Ordinal);
        // The Swedish model reads å, ä, ö: words of the sentence as typeset.
        foreach (var word in new[] { "Beslut", "bygglov", "ansökan", "förråd", "Byggnadsnämnden" })
            Assert.Contains(word, page.Text, StringComparison.Ordinal);
    }

    [OcrFact]
    public async Task RecognizeAsync_PageAfterTheLast_FailureNotException()
    {
        var ocr = await RecognizerAsync();

        var page = await ocr.RecognizeAsync(Path.Combine(Golden, "skannad.pdf"), 5, CancellationToken.None);

        Assert.Null(page.Text);
        Assert.StartsWith("sidan kunde inte ritas upp (pdftoppm kod ", page.Failure, StringComparison.Ordinal);
    }

    [OcrFact]
    public async Task RecognizeAsync_NotAnImage_FailureNamesTesseract()
    {
        var ocr = await RecognizerAsync();
        var file = Path.Combine(Path.GetTempPath(), $"classscan-ocr-test-{Guid.NewGuid():N}.png");
        await File.WriteAllTextAsync(file, "inte en bild");
        try
        {
            var page = await ocr.RecognizeAsync(file, 1, CancellationToken.None);

            Assert.Null(page.Text);
            Assert.StartsWith("bilden kunde inte läsas (tesseract kod ", page.Failure, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [OcrFact]
    public async Task RecognizeAsync_Cancelled_ThrowsPromptlyAndLeavesNoTempFolder()
    {
        var ocr = await RecognizerAsync();
        var before = TempFolders();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(150));

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ocr.RecognizeAsync(Path.Combine(Golden, "skannad.pdf"), 1, cts.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed.TotalSeconds:0.0} s after cancellation");
        Assert.Empty(TempFolders().Except(before));
    }

    [OcrFact]
    public async Task ProbeAsync_ThisMachine_FindsTesseractSwedishAndPdftoppm()
    {
        var tools = await OcrTools.ProbeAsync(TimeSpan.FromSeconds(15), CancellationToken.None);

        Assert.NotNull(tools.Tesseract);
        Assert.StartsWith("tesseract ", tools.TesseractVersion, StringComparison.Ordinal);
        Assert.Contains("swe", tools.Languages);
        Assert.True(tools.ReadsPdf);
        Assert.Null(tools.Missing("swe+eng"));
    }

    private static HashSet<string> TempFolders() =>
        Directory.GetDirectories(Path.GetTempPath(), "classscan-ocr-*").ToHashSet(StringComparer.Ordinal);
}
