using System.Diagnostics;

namespace ClassScan.TestSupport.Ocr;

/// <summary>
/// Whether this machine has what the OCR tests need: tesseract with the Swedish model and pdftoppm (Debian packages
/// tesseract-ocr, tesseract-ocr-swe, poppler-utils). Tests that need them use <see cref="OcrFactAttribute"/>/
/// <see cref="OcrTheoryAttribute"/>: without the programs they are skipped with the reason on a developer's machine;
/// in CI (<c>CI=true</c> or <c>CLASSSCAN_REQUIRE_OCR=1</c>, which .ci/run sets after installing them) they run and
/// fail loudly instead.
/// </summary>
public static class OcrAvailability
{
    public const string Category = "Ocr";

    private static readonly Lazy<string?> missing = new(Check);

    /// <summary>What is missing ("tesseract", "swe", "pdftoppm"), or null when everything is there.</summary>
    public static string? Missing => missing.Value;

    public static bool Required =>
        Environment.GetEnvironmentVariable("CLASSSCAN_REQUIRE_OCR") == "1"
        || Environment.GetEnvironmentVariable("CI") is { } ci && (ci.Equals("true", StringComparison.OrdinalIgnoreCase) || ci == "1");

    internal static string? SkipReason =>
        Missing is { } what && !Required
            ? $"needs OCR tools ({what} missing; apt-get install tesseract-ocr tesseract-ocr-swe poppler-utils): not run; CI installs them and fails without them"
            : null;

    private static string? Check()
    {
        if (OnPath("tesseract") is not { } tesseract) return "tesseract";
        if (OnPath("pdftoppm") is null) return "pdftoppm";
        try
        {
            var psi = new ProcessStartInfo(tesseract) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            psi.ArgumentList.Add("--list-langs");
            using var p = Process.Start(psi)!;
            var output = p.StandardOutput.ReadToEndAsync();
            _ = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(15_000))
            {
                p.Kill(entireProcessTree: true);
                return "a tesseract that answers";
            }
            return output.Result.Split('\n').Any(l => l.Trim() == "swe") ? null : "the Swedish model swe";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "a tesseract that runs";
        }
    }

    private static string? OnPath(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
