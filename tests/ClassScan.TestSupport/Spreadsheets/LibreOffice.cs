using System.Diagnostics;

namespace ClassScan.TestSupport.Spreadsheets;

/// <summary>
/// Headless LibreOffice Calc (Debian package libreoffice-calc-nogui) as a real spreadsheet engine: opens CSV files the
/// way a reviewer's spreadsheet would and hands back every cell (<see cref="FlatOds"/>). Tests that need it use
/// <see cref="LibreOfficeFactAttribute"/>/<see cref="LibreOfficeTheoryAttribute"/>: without soffice they are reported
/// as skipped ("not run") on a developer's machine; in CI (<c>CI=true</c> or <c>CLASSSCAN_REQUIRE_SOFFICE=1</c>) they
/// run and fail loudly instead.
/// </summary>
public static class LibreOffice
{
    public const string Category = "LibreOffice";

    /// <summary>
    /// The CSV import filter ("Text - txt - csv (StarCalc)") options token by token: 59 field separator ';', 34 text
    /// delimiter '"', 76 UTF-8, 1 first line, (no column formats), 0 language of the UI, false "quoted field as text",
    /// false "detect special numbers", tokens 9–12 export-only, true token 13 "evaluate formulas": cells starting
    /// with '=' become formulas, as they do in Excel and in Calc's import dialog when that box is ticked. Without
    /// token 13 Calc imports "=..." as text and a test could never see an injection.
    /// </summary>
    public const string CsvImportOptions = "59,34,76,1,,0,false,false,false,false,false,0,true";

    private static readonly Lazy<string?> executable = new(Locate);

    /// <summary>Path of soffice, or null when LibreOffice is not installed.</summary>
    public static string? Executable => executable.Value;

    public static bool Required =>
        Environment.GetEnvironmentVariable("CLASSSCAN_REQUIRE_SOFFICE") == "1"
        || Environment.GetEnvironmentVariable("CI") is { } ci && (ci.Equals("true", StringComparison.OrdinalIgnoreCase) || ci == "1");

    internal static string? SkipReason =>
        Executable is null && !Required
            ? "needs LibreOffice (apt-get install --no-install-recommends libreoffice-calc-nogui): not run; CI installs it and fails without it"
            : null;

    /// <summary>
    /// Opens every CSV in one soffice run (start-up costs seconds, so callers batch) with a private user profile
    /// under <paramref name="workDir"/>, converts it to flat ODS and returns the first sheet of each, in order.
    /// </summary>
    public static async Task<IReadOnlyList<IReadOnlyList<IReadOnlyList<SpreadsheetCell>>>> OpenCsvAsync(
        IReadOnlyList<string> csvFiles, string workDir, string filterOptions = CsvImportOptions, TimeSpan? timeout = null)
    {
        var soffice = Executable ?? throw new InvalidOperationException(
            "soffice was not found but this run requires it (CI): install the Debian package libreoffice-calc-nogui (.ci/run does).");
        var input = Directory.CreateDirectory(Path.Combine(workDir, "in")).FullName;
        var output = Directory.CreateDirectory(Path.Combine(workDir, "fods")).FullName;
        // Copies under unique ASCII names: two reports may share a name (forvaltningar/okänd.csv), and the names say nothing.
        var staged = csvFiles.Select((f, i) =>
        {
            var copy = Path.Combine(input, $"f{i:D3}.csv");
            File.Copy(f, copy, overwrite: true);
            return copy;
        }).ToList();

        var psi = new ProcessStartInfo(soffice) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[]
        {
            "-env:UserInstallation=" + new Uri(Path.Combine(Path.GetFullPath(workDir), "profile")).AbsoluteUri,
            "--headless", "--norestore", "--nolockcheck", "--nodefault", "--nologo",
            "--infilter=Text - txt - csv (StarCalc):" + filterOptions,
            "--convert-to", "fods", "--outdir", output,
        })
            psi.ArgumentList.Add(a);
        foreach (var f in staged) psi.ArgumentList.Add(f);
        psi.Environment["HOME"] = Path.GetFullPath(workDir); // nothing of the user's own profile is read or written

        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(120));
        try
        {
            await p.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"soffice did not finish converting {staged.Count} CSV files: {await stderr}");
        }
        var sheets = new List<IReadOnlyList<IReadOnlyList<SpreadsheetCell>>>();
        foreach (var f in staged)
        {
            var fods = Path.Combine(output, Path.GetFileNameWithoutExtension(f) + ".fods");
            if (!File.Exists(fods))
                throw new InvalidOperationException($"soffice (exit {p.ExitCode}) wrote no {Path.GetFileName(fods)}: {await stdout} {await stderr}");
            sheets.Add(FlatOds.FirstSheet(fods));
        }
        return sheets;
    }

    private static string? Locate()
    {
        // CLASSSCAN_SOFFICE names another soffice, or a missing one to see how the tests behave without it.
        if (Environment.GetEnvironmentVariable("CLASSSCAN_SOFFICE") is { Length: > 0 } chosen) return File.Exists(chosen) ? chosen : null;
        foreach (var candidate in new[] { "/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice" })
            if (File.Exists(candidate)) return candidate;
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var p = Path.Combine(dir, OperatingSystem.IsWindows() ? "soffice.exe" : "soffice");
            if (File.Exists(p)) return p;
        }
        return null;
    }
}
