using ClassScan.Core.Documents;

namespace ClassScan.Ocr;

/// <summary>
/// OCR with the programs Debian packages: a PDF page is rendered to a grey image by pdftoppm (poppler), one page per
/// run so that the caller's per-page time limit is real, and read by tesseract with the Swedish model (and English,
/// for the English phrases Swedish municipal papers carry); an image file is read by tesseract directly. Each call
/// works in a private temp folder (0700, deleted afterwards whatever happens), so a rendered page of a sensitive
/// document is never readable by another account and never left behind. tesseract runs single-threaded
/// (OMP_THREAD_LIMIT=1): the OCR stage's own parallelism decides how many cores OCR takes. The text is cleaned of
/// the OCR noise that hides identity numbers (<see cref="OcrTextCleanup"/>). Thread-safe (no state but settings).
/// </summary>
public sealed class TesseractRecognizer : IPageRecognizer
{
    /// <summary>
    /// The rendered page's longer side in pixels: an A4 page at 300 dpi, the resolution tesseract reads best. Set as a
    /// size rather than a resolution so that a PDF page declared a metre wide cannot make a gigapixel image.
    /// </summary>
    public const int RenderLongSidePixels = 3508;

    /// <summary>The most text one page may give (a page of 8-point text is about 10 000 characters); the rest is dropped.</summary>
    public const int MaxPageChars = 200_000;

    private static readonly IReadOnlyDictionary<string, string> SingleThreaded = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["OMP_THREAD_LIMIT"] = "1",
    };

    private readonly string tesseract;
    private readonly string? pdftoppm;
    private readonly string languages;
    private readonly int pageSegmentation;

    /// <param name="tools">The probed programs; tesseract must be there (<see cref="OcrTools.Missing"/> is null).</param>
    /// <param name="languages">tesseract's -l, e.g. "swe+eng".</param>
    /// <param name="pageSegmentation">tesseract's --psm: 3 (automatic layout, the default) or 1 (with orientation detection, needs osd).</param>
    public TesseractRecognizer(OcrTools tools, string languages = "swe+eng", int pageSegmentation = 3)
    {
        ArgumentNullException.ThrowIfNull(tools);
        tesseract = tools.Tesseract ?? throw new ArgumentException("tesseract was not found", nameof(tools));
        pdftoppm = tools.Pdftoppm;
        this.languages = string.IsNullOrWhiteSpace(languages) ? "swe+eng" : languages;
        this.pageSegmentation = pageSegmentation;
    }

    public async Task<PageRecognition> RecognizeAsync(string localPath, int page, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(localPath);
        string work;
        bool isPdf;
        try
        {
            isPdf = IsPdf(localPath);
            work = PrivateTempDirectory.Create();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return PageRecognition.Failed($"filen kunde inte öppnas för OCR ({ex.GetType().Name})");
        }
        if (isPdf && pdftoppm is null)
        {
            PrivateTempDirectory.Delete(work);
            return PageRecognition.Failed("pdftoppm saknas (paketet poppler-utils)");
        }
        try
        {
            var image = localPath;
            if (isPdf)
            {
                var prefix = Path.Combine(work, "sida");
                var render = await ToolProcess.RunAsync(pdftoppm!,
                    ["-f", Num(page), "-l", Num(page), "-scale-to", Num(RenderLongSidePixels), "-gray", "-singlefile", localPath, prefix],
                    work, null, 16 * 1024, ct).ConfigureAwait(false);
                image = prefix + ".pgm";
                if (render.ExitCode != 0 || !File.Exists(image))
                    return PageRecognition.Failed($"sidan kunde inte ritas upp (pdftoppm kod {render.ExitCode})");
                // Scans come with blank backs and separator sheets: no ink, no tesseract (seconds saved a page).
                if (PgmInk.IsBlank(image)) return PageRecognition.Read("");
            }
            var read = await ToolProcess.RunAsync(tesseract,
                [image, "stdout", "-l", languages, "--psm", Num(pageSegmentation)],
                work, SingleThreaded, MaxPageChars, ct).ConfigureAwait(false);
            if (read.ExitCode != 0)
                return PageRecognition.Failed(!isPdf ? $"bilden kunde inte läsas (tesseract kod {read.ExitCode})" : $"tesseract kod {read.ExitCode}");
            return PageRecognition.Read(OcrTextCleanup.Clean(read.StdOut.Replace('\f', '\n')));
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or IOException or UnauthorizedAccessException)
        {
            return PageRecognition.Failed($"OCR-programmet kunde inte köras ({ex.GetType().Name})");
        }
        finally
        {
            PrivateTempDirectory.Delete(work);
        }
    }

    /// <summary>"%PDF" in the first KB, as the extractor selector decides it; anything else is handed to tesseract as an image.</summary>
    private static bool IsPdf(string path)
    {
        Span<byte> head = stackalloc byte[1024];
        using var f = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1);
        var n = f.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return head[..n].IndexOf("%PDF"u8) >= 0;
    }

    private static string Num(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
