using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using CsvHelper;
using CsvHelper.Configuration;
using ClassScan.TestSupport;
using ClassScan.TestSupport.Documents;
using ClassScan.TestSupport.Spreadsheets;

namespace ClassScan.Cli.Tests;

/// <summary>
/// One share with everything hostile at once, through the real binary with its default timeouts: a named pipe, a
/// socket, a file and a folder named after a personnummer, files named as spreadsheet formulas, and a folder the
/// scanner may not read. The scan finishes in seconds, every entry gets a row, no output holds a full personnummer,
/// and LibreOffice shows every cell as text. As root (CI), the scan runs as the unprivileged user "nobody", because
/// root reads every folder and the locked one would test nothing. (A file that vanishes between listing and reading
/// is timed by a hook in the pipeline's own test, RunAsync_FolderWithPipeSocketDeviceAndChangingFiles.)
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class HostileFolderScanTests(HostileFolderScanTests.Scan scan) : IClassFixture<HostileFolderScanTests.Scan>
{
    private const string Pnr = "19121212-1212"; // Skatteverket's test number (Tolvan Tolvansson)

    /// <summary>Every entry of the share, relative to its root, with the status its row must have.</summary>
    internal static readonly (string Name, string Status)[] Entries =
    [
        ("veckobrev.txt", "ok"),
        ("rör", "unsupported"),
        ("uttag.sock", "unsupported"),
        ($"{Pnr} Tolvan/{Pnr} Anna utredning.docx", "ok"),
        ("=HYPERLINK(\"x\",\"klick\").txt", "ok"),
        ("+cmd.txt", "ok"),
        ("@SUM(1+1).txt", "ok"),
        ("-2+3.txt", "ok"),
        ("låst", "error"),
    ];

    private static readonly string[] Reports = ["results.csv", "flagged.csv", "review.csv", "forvaltningar/okänd.csv"];

    [LinuxFact]
    public async Task Scan_HostileShare_FinishesInSecondsWithOneRowPerEntryAndNoFullPersonnummer()
    {
        var run = await scan.RunAsync();

        Assert.True(run.Elapsed < TimeSpan.FromSeconds(90), $"took {run.Elapsed}");
        Assert.True(run.Result.ExitCode == ExitCodes.FilesMustLeave, $"exit {run.Result.ExitCode}: {run.Result.StdErr}");
        var rows = ReportReader.Read(scan.Report("results.csv"));
        Assert.Equal(Entries.Length, rows.Count);
        foreach (var (name, status) in Entries)
        {
            var shown = name.Replace(Pnr, "19121212-****", StringComparison.Ordinal);
            var row = Assert.Single(rows, r => r["path"].EndsWith("/" + shown, StringComparison.Ordinal));
            Assert.True(status == row["status"], $"{shown}: {row["status"]} ({row["reason"]})");
        }
        Assert.Contains("inte en vanlig fil", rows.Single(r => r["path"].EndsWith("/rör", StringComparison.Ordinal))["reason"]);
        Assert.Equal("true", rows.Single(r => r["path"].Contains("Anna", StringComparison.Ordinal))["must_leave"]);
        OutputPrivacy.AssertFolderClean(scan.Out);
        OutputPrivacy.AssertNoFullPersonnummer("stdout", run.Result.StdOut);
        OutputPrivacy.AssertNoFullPersonnummer("stderr", run.Result.StdErr);
        foreach (var report in Reports)
            foreach (var cell in ReadCells(scan.Report(report)))
                Assert.False(cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n', $"{report}: cell starts a formula: {cell}");
    }

    [LibreOfficeFact]
    [Trait("Category", LibreOffice.Category)]
    public async Task Scan_HostileShare_CalcShowsEveryCellAsText()
    {
        await scan.RunAsync();

        var sheets = await LibreOffice.OpenCsvAsync(Reports.Select(scan.Report).ToList(), Path.Combine(scan.Work, "calc"));

        for (var i = 0; i < Reports.Length; i++)
        {
            var cells = ReadCells(scan.Report(Reports[i]), header: true);
            var shown = sheets[i].SelectMany(r => r).ToList();
            Assert.All(shown, c => Assert.False(c.IsFormula, $"{Reports[i]}: Calc ran {c.Formula}"));
            // Every text cell reads back as written: nothing was computed, split or dropped.
            foreach (var cell in cells.Where(c => c.Length > 0 && !double.TryParse(c, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
                Assert.Contains(shown, c => c.Text == cell.Replace("\r\n", "\n", StringComparison.Ordinal));
        }
    }

    private static List<string> ReadCells(string path, bool header = false)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";", HasHeaderRecord = false });
        var cells = new List<string>();
        var first = true;
        while (csv.Read())
        {
            if (first && !header) { first = false; continue; }
            first = false;
            for (var i = 0; i < csv.Parser.Count; i++) cells.Add(csv.GetField(i) ?? "");
        }
        return cells;
    }

    /// <summary>The share and one scan of it, run on first use.</summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public sealed class Scan : IDisposable
    {
        private static readonly UnixFileMode Open = (UnixFileMode)Convert.ToInt32("777", 8);
        private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("classscan-hostile-");
        private readonly Lazy<Task<(CliRunner.Run Result, TimeSpan Elapsed)>> run;
        private Socket? socket;

        public Scan() => run = new(StartAsync);

        public string Work => work.FullName;

        public string Out => Path.Combine(work.FullName, "out");

        public string Report(string name) => Path.Combine(Out, name);

        internal Task<(CliRunner.Run Result, TimeSpan Elapsed)> RunAsync() => run.Value;

        public void Dispose()
        {
            socket?.Dispose();
            var locked = Path.Combine(work.FullName, "in", "låst");
            if (Directory.Exists(locked)) File.SetUnixFileMode(locked, Open);
            try { work.Delete(recursive: true); } catch (IOException) { }
        }

        private async Task<(CliRunner.Run, TimeSpan)> StartAsync()
        {
            var input = Path.Combine(work.FullName, "in");
            Directory.CreateDirectory(input);
            File.WriteAllText(Path.Combine(input, "veckobrev.txt"), "Hej föräldrar! På fredag är det friluftsdag.");
            TestDocuments.Write(Path.Combine(input, $"{Pnr} Tolvan"), $"{Pnr} Anna utredning.docx",
                TestDocuments.Docx($"Utredning om Tolvan, personnummer {Pnr}. Diagnos: diabetes typ 1."));
            foreach (var name in new[] { "=HYPERLINK(\"x\",\"klick\").txt", "+cmd.txt", "@SUM(1+1).txt", "-2+3.txt" })
                File.WriteAllText(Path.Combine(input, name), "Kallelse till nämndens sammanträde.");
            using (var mkfifo = Process.Start("mkfifo", [Path.Combine(input, "rör")])!)
            {
                await mkfifo.WaitForExitAsync();
                Assert.Equal(0, mkfifo.ExitCode);
            }
            socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            socket.Bind(new UnixDomainSocketEndPoint(Path.Combine(input, "uttag.sock")));
            var locked = Directory.CreateDirectory(Path.Combine(input, "låst")).FullName;
            File.WriteAllText(Path.Combine(locked, $"{Pnr}.txt"), $"Personnummer {Pnr}.");

            // Everything readable by the unprivileged user, except the locked folder; the output folder writable.
            foreach (var dir in Directory.GetDirectories(work.FullName, "*", SearchOption.AllDirectories).Append(work.FullName))
                File.SetUnixFileMode(dir, Open);
            File.SetUnixFileMode(locked, UnixFileMode.None);
            var clock = Stopwatch.StartNew();
            var result = await CliRunner.RunAsync(CliRunner.Unprivileged, "scan", input, "--out", Out, "--parallelism", "2");
            return (result, clock.Elapsed);
        }
    }
}
