namespace ClassScan.Ocr;

/// <summary>
/// The external programs OCR needs, as found on this machine: tesseract (with its language models) and pdftoppm
/// (poppler-utils, which renders a PDF page to an image). Found once per run by <see cref="Probe"/>; immutable.
/// Debian: <c>apt-get install tesseract-ocr tesseract-ocr-swe poppler-utils</c>.
/// </summary>
public sealed record OcrTools
{
    /// <summary>The Debian packages that provide everything OCR needs: the one line the README and doctor show.</summary>
    public const string AptPackages = "tesseract-ocr tesseract-ocr-swe poppler-utils";

    /// <summary>Full path of tesseract; null when not found.</summary>
    public string? Tesseract { get; init; }

    /// <summary>Its version line ("tesseract 5.3.0"); null when not found or it would not say.</summary>
    public string? TesseractVersion { get; init; }

    /// <summary>The language models tesseract lists (swe, eng, osd, ...).</summary>
    public IReadOnlyList<string> Languages { get; init; } = [];

    /// <summary>Full path of pdftoppm; null when not found.</summary>
    public string? Pdftoppm { get; init; }

    /// <summary>
    /// What is missing for OCR in <paramref name="languages"/> ("swe+eng"), in words for a coordinator, or null when
    /// everything is there. pdftoppm is needed for PDFs only; without it images are still read, so it is named apart
    /// (<see cref="ReadsPdf"/>).
    /// </summary>
    public string? Missing(string languages)
    {
        if (Tesseract is null) return "tesseract hittades inte";
        var absent = LanguageList(languages).Where(l => !Languages.Contains(l, StringComparer.Ordinal)).ToList();
        return absent.Count == 0 ? null : $"tesseract saknar språkmodell {string.Join(", ", absent)} (paketet tesseract-ocr-{absent[0]})";
    }

    /// <summary>pdftoppm is there, so scanned PDF pages can be rendered for tesseract.</summary>
    public bool ReadsPdf => Pdftoppm is not null;

    /// <summary>"swe+eng" as its languages.</summary>
    public static IReadOnlyList<string> LanguageList(string languages) =>
        (languages ?? "").Split('+', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// Looks for the programs on PATH (or the given paths) and asks tesseract for its version and languages. Never
    /// throws: a tool that cannot be run counts as absent. Each question is bounded by <paramref name="timeout"/>.
    /// </summary>
    public static async Task<OcrTools> ProbeAsync(TimeSpan timeout, CancellationToken ct, string? tesseractPath = null, string? pdftoppmPath = null)
    {
        var tesseract = tesseractPath ?? FindOnPath("tesseract");
        var pdftoppm = pdftoppmPath ?? FindOnPath("pdftoppm");
        string? version = null;
        IReadOnlyList<string> languages = [];
        if (tesseract is not null)
        {
            var v = await AskAsync(tesseract, ["--version"], timeout, ct).ConfigureAwait(false);
            if (v is null)
            {
                tesseract = null;
            }
            else
            {
                version = v.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
                var list = await AskAsync(tesseract, ["--list-langs"], timeout, ct).ConfigureAwait(false) ?? "";
                // "List of available languages in "/usr/share/tesseract-ocr/5/tessdata/" (3):" then one per line.
                languages = list.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Where(l => !l.StartsWith("List of", StringComparison.Ordinal) && !l.Contains(' ', StringComparison.Ordinal))
                    .ToList();
            }
        }
        return new OcrTools { Tesseract = tesseract, TesseractVersion = version, Languages = languages, Pdftoppm = pdftoppm };
    }

    /// <summary>The tool's stdout and stderr (tesseract 5 prints its version on stdout, older ones on stderr); null when it would not run.</summary>
    private static async Task<string?> AskAsync(string exe, string[] args, TimeSpan timeout, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        try
        {
            var o = await ToolProcess.RunAsync(exe, args, Path.GetTempPath(), null, 64 * 1024, cts.Token).ConfigureAwait(false);
            return o.ExitCode == 0 ? o.StdOut + "\n" + o.StdErrTail : null;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return null;
        }
    }

    private static string? FindOnPath(string name)
    {
        var exe = OperatingSystem.IsWindows() ? name + ".exe" : name;
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            try
            {
                var candidate = Path.Combine(dir, exe);
                if (File.Exists(candidate)) return Path.GetFullPath(candidate);
            }
            catch (ArgumentException)
            {
                // A malformed PATH entry: skip it.
            }
        }
        return null;
    }
}
