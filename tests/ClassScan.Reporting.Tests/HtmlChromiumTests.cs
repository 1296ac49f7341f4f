using System.Diagnostics;
using ClassScan.Reporting.Departments;
using ClassScan.Reporting.Html;

namespace ClassScan.Reporting.Tests;

/// <summary>
/// Renders rapport.html in headless Chromium (Debian package 'chromium') when it is installed: the page must
/// load from file:// with every network feature off, produce a DOM with all sections, and a real screenshot.
/// Without Chromium the structural checks in <see cref="HtmlReportSinkTests"/> still run.
/// </summary>
public sealed class HtmlChromiumTests : IDisposable
{
    private const string Chromium = "/usr/bin/chromium";
    private readonly DirectoryInfo dir = Directory.CreateTempSubdirectory("classscan-chromium-");

    public void Dispose()
    {
        try { dir.Delete(recursive: true); } catch (IOException) { } // Chromium may still hold its profile for a moment
    }

    public sealed class ChromiumFactAttribute : FactAttribute
    {
        public ChromiumFactAttribute()
        {
            if (!File.Exists(Chromium)) Skip = "chromium is not installed (apt-get install chromium); rapport.html is checked by structure instead";
        }
    }

    [ChromiumFact]
    public async Task Render_InHeadlessChromium_AllSectionsAndScreenshot()
    {
        var map = new DepartmentMap([new DepartmentRule("Socialförvaltningen") { PathGlobs = ["Soc/**"] }]);
        await using (var sink = new CompositeSink([new CsvReportSink(dir.FullName), new HtmlReportSink(dir.FullName, map)]))
        {
            await Results.RunAsync(sink,
            [
                Results.Flagged("/g/Soc/a.docx", Core.Classification.KlassaLevel.StriktKonfidentiell),
                Results.Flagged("/g/b.docx"),
                Results.Blind("/g/Soc/c.pdf"),
                Results.Clean("/g/d.docx"),
            ]);
        }
        var page = new Uri(Path.Combine(dir.FullName, HtmlReportSink.FileName)).AbsoluteUri;

        var dom = await ChromiumAsync("--dump-dom", page);
        foreach (var id in HtmlReportSinkTests.Sections) Assert.Contains($"id=\"{id}\"", dom);
        Assert.Contains("Per förvaltning", dom);
        Assert.Contains("<svg", dom);

        var png = Path.Combine(dir.FullName, "rapport.png");
        await ChromiumAsync("--window-size=1280,2400", "--screenshot=" + png, page);
        var bytes = await File.ReadAllBytesAsync(png);
        Assert.True(bytes.Length > 20_000, $"screenshot is only {bytes.Length} bytes");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
    }

    private async Task<string> ChromiumAsync(params string[] args)
    {
        var psi = new ProcessStartInfo(Chromium) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-extensions", "--user-data-dir=" + Path.Combine(dir.FullName, "profile"),
        })
            psi.ArgumentList.Add(a);
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await p.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException("chromium did not finish: " + await stderr);
        }
        Assert.True(p.ExitCode == 0, $"chromium exit {p.ExitCode}: {await stderr}");
        return await stdout;
    }
}
