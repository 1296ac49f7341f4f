using System.Diagnostics;
using System.Text;
using ClassScan.Sources.Graph.Tests.Fakes;
using ClassScan.State;
using ClassScan.State.Sqlite;

namespace ClassScan.Sources.Graph.Tests;

/// <summary>
/// The real classscan binary against the fake Graph server, run as a coordinator runs it:
/// CLASSSCAN_GRAPH_TOKEN=t classscan scan --source graph --drive D --graph-base-url http://127.0.0.1:PORT/v1.0 --out X.
/// </summary>
public sealed class CliGraphTests : GraphTestBase
{
    private const string Person = "Elevlista klass 3B. Elsa Berg, personnummer 19121212-1212, behöver extra anpassningar.";
    private const string Plain = "Hej föräldrar! På fredag är det friluftsdag, ta med matsäck.";

    private static string CliPath { get; } = typeof(CliGraphTests).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
        .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == "ClassScanCli").Value!;

    private Process Start(params string[] extra)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(CliPath);
        foreach (var a in (string[])["scan", "--source", "graph", "--drive", "d1", "--graph-base-url", Server.BaseUrl, "--out", OutDir,
                     "--organisation", "Testkommun", "--in-process", "--no-model", .. extra])
            psi.ArgumentList.Add(a);
        psi.Environment["CLASSSCAN_GRAPH_TOKEN"] = FakeGraphServer.Token;
        psi.Environment["CLASSSCAN_NO_PROGRESS"] = "1";
        psi.WorkingDirectory = Work.FullName;
        return Process.Start(psi)!;
    }

    private async Task<(int Exit, string Out, string Err)> RunAsync(params string[] extra)
    {
        using var p = Start(extra);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await p.WaitForExitAsync(cts.Token);
        return (p.ExitCode, await stdout, await stderr);
    }

    private List<string[]> Rows(string file) =>
        File.ReadAllLines(Path.Combine(OutDir, file), Encoding.UTF8).Skip(1).Select(l => l.Split(';')).ToList();

    // results.csv also carries the earlier verdicts of unchanged files; those name no extractor of this run.
    private int ReadThisRun() => Rows("results.csv").Count(r => r[8] is not ("" or "tidigare bedömd"));

    [Fact]
    public async Task CliScan_PersonnummerInGraphNames_NoOutputHoldsThemAndShowResolvesTheId()
    {
        var drive = Server.AddDrive("d1");
        var folder = drive.AddFolder(null, "19121212-1212 Tolvan");
        var flagged = drive.AddFile(folder.Id, "Beslut 191212121212.txt", Person);
        drive.AddFile(folder.Id, "Kallelse_19121212_1212.txt", Plain);
        drive.Edit(flagged.Id, Person, by: "Tolvan 19121212-1212");

        var first = await RunAsync();
        drive.Rename(flagged.Id, "Beslut 191212121212 v2.txt");
        var second = await RunAsync();

        Assert.True(first.Exit == 1 && second.Exit == 1, first.Err + second.Err);
        var checkedFiles = 0;
        foreach (var file in Directory.GetFiles(OutDir, "*", SearchOption.AllDirectories).Where(f => !Path.GetFileName(f).StartsWith("classscan-state.db", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotContain("1212121212", text);
            Assert.DoesNotContain("19121212-1212", text);
            Assert.DoesNotContain("19121212_1212", text);
            checkedFiles++;
        }
        Assert.True(checkedFiles >= 5);
        Assert.DoesNotContain("1212-1212", first.Out + first.Err + second.Out + second.Err);
        var header = File.ReadLines(Path.Combine(OutDir, "results.csv")).First().TrimStart('\uFEFF').Split(';');
        var row = Assert.Single(Rows("flagged.csv"));
        var id = row[Array.IndexOf(header, "id")];
        Assert.Equal("Dokument/19121212-**** Tolvan/Beslut 19121212-**** v2.txt", row[0]);
        Assert.Contains("19121212-****", row[Array.IndexOf(header, "web_url")]);
        Assert.Equal("Tolvan 19121212-****", row[Array.IndexOf(header, "last_modified_by")]);
        var change = Assert.Single(Rows("changes.csv"), c => c[0] == "still-flagged");
        Assert.Equal(("renamed", id), (change[1], change[^1]));

        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in (string[])[CliPath, "show", id, "--out", OutDir]) psi.ArgumentList.Add(a);
        using var show = Process.Start(psi)!;
        var shown = await show.StandardOutput.ReadToEndAsync();
        await show.WaitForExitAsync();

        Assert.Equal(0, show.ExitCode);
        Assert.Contains("Dokument/19121212-1212 Tolvan/Beslut 191212121212 v2.txt", shown);
        Assert.Contains("https://contoso.example/sites/skola/Delade dokument/19121212-1212 Tolvan/Beslut 191212121212 v2.txt", shown);
    }

    [Fact]
    public async Task CliScan_FullThenDelta_DownloadsOnlyChangedFilesAndWritesChanges()
    {
        var drive = Server.AddDrive("d1");
        var folder = drive.AddFolder(null, "Elevhälsa");
        var files = Enumerable.Range(0, 40).Select(i => drive.AddFile(i % 2 == 0 ? folder.Id : null, $"f{i:D2}.txt", i % 5 == 0 ? Person : Plain)).ToList();

        var first = await RunAsync();

        Assert.True(first.Exit == 1 && File.Exists(Path.Combine(OutDir, "results.csv")), $"exit {first.Exit}: {first.Err}{first.Out}");
        Assert.Equal(40, Rows("results.csv").Count);
        Assert.Equal(8, Rows("flagged.csv").Count);
        Assert.Equal(40, Server.Count(FakeRequestKind.Content));
        Assert.DoesNotContain(Server.Requests, r => r.Kind == FakeRequestKind.Download && r.HasAuthorization);

        drive.Edit(files[1].Id, Person);   // newly flagged
        drive.Edit(files[5].Id, Plain);    // cleaned
        drive.Delete(files[10].Id);        // flagged, deleted
        drive.Delete(files[11].Id);
        Server.ResetLog();

        var second = await RunAsync();

        Assert.True(second.Exit == 1, second.Err + second.Out);
        Assert.Equal([files[1].Id, files[5].Id], Server.Requests.Where(r => r.Kind == FakeRequestKind.Content).Select(r => r.ItemId!).Order());
        Assert.Equal(2, ReadThisRun());
        Assert.Equal(38, Rows("results.csv").Count);
        var changes = Rows("changes.csv").Select(r => (r[0], r[1], r[2])).ToList();
        Assert.Contains(("newly-flagged", "changed", "Dokument/f01.txt"), changes);
        Assert.Contains(("no-longer-flagged", "cleaned", "Dokument/f05.txt"), changes);
        Assert.Contains(("no-longer-flagged", "deleted", "Dokument/Elevhälsa/f10.txt"), changes);
        Assert.Equal(6, changes.Count(c => c.Item1 == "still-flagged"));
        Assert.Contains("1 nyflaggade, 2 inte längre flaggade, 6 fortfarande flaggade", second.Out);
        var flaggedRow = Rows("changes.csv").First(r => r[0] == "newly-flagged");
        Assert.StartsWith("https://contoso.example/", flaggedRow[7]);   // web_url
        Assert.Equal("Bo Ek", flaggedRow[8]);                           // last_modified_by
    }

    [Fact]
    public async Task CliScan_KilledMidRun_RerunSkipsFinishedFiles()
    {
        var drive = Server.AddDrive("d1");
        foreach (var i in Enumerable.Range(0, 200)) drive.AddFile(null, $"f{i:D3}.txt", i % 4 == 0 ? Person : Plain);
        Server.DownloadDelay = TimeSpan.FromMilliseconds(15);
        var downloads = 0;
        var killAt = new TaskCompletionSource();
        Server.Fault = r =>
        {
            if (r.Kind == FakeRequestKind.Download && Interlocked.Increment(ref downloads) == 80) killAt.TrySetResult();
            return null;
        };

        using (var p = Start())
        {
            await killAt.Task.WaitAsync(TimeSpan.FromMinutes(1));
            p.Kill(entireProcessTree: true);
            await p.WaitForExitAsync();
        }
        int judged;
        using (var store = SqliteStateStore.Open(Path.Combine(OutDir, "classscan-state.db")))
            judged = drive.Files().Count(f => store.GetItem("d1", f.Id) is { Status: not null });
        Assert.InRange(judged, 1, 199);

        Server.Fault = null;
        Server.DownloadDelay = TimeSpan.Zero;
        Server.ResetLog();
        var rerun = await RunAsync();

        Assert.True(rerun.Exit == 1, rerun.Err + rerun.Out);
        Assert.Equal(200 - judged, Server.Count(FakeRequestKind.Content));
        Assert.Equal(200 - judged, ReadThisRun());
        Assert.Equal(50, Rows("changes.csv").Count(r => r[0] == "newly-flagged")); // the killed run never moved the baseline
    }

    [Fact]
    public async Task CliScan_GraphSettingsFromConfigFile_ScansWithoutArguments()
    {
        // A scheduled run: everything in appsettings.json, only the token in the environment.
        var drive = Server.AddDrive("d7");
        drive.AddFile(null, "elevlista.txt", Person);
        drive.AddFile(null, "info.txt", Plain);
        var config = Path.Combine(Work.FullName, "appsettings.json");
        File.WriteAllText(config, $$"""
            {
              "Scan": { "Source": "graph", "Out": "{{OutDir.Replace("\\", "\\\\", StringComparison.Ordinal)}}", "NoModel": true, "InProcess": true },
              "Graph": { "Drives": [ "d7" ], "BaseUrl": "{{Server.BaseUrl}}", "Organisation": "Konfigkommun", "Concurrency": 2 }
            }
            """);
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in (string[])[CliPath, "scan", "--config", config]) psi.ArgumentList.Add(a);
        psi.Environment["CLASSSCAN_GRAPH_TOKEN"] = FakeGraphServer.Token;
        psi.Environment["CLASSSCAN_NO_PROGRESS"] = "1";
        psi.WorkingDirectory = Work.FullName;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await p.WaitForExitAsync(cts.Token);

        Assert.True(p.ExitCode == 1, $"exit {p.ExitCode}: {await stderr}{await stdout}");
        Assert.Equal(2, Rows("results.csv").Count);
        Assert.Single(Rows("flagged.csv"));
        Assert.Equal(2, Server.Count(FakeRequestKind.Content));
        Assert.All(Server.Requests.Where(r => r.Kind != FakeRequestKind.Download), r => Assert.Contains("NONISV|Konfigkommun|ClassScan/", r.UserAgent));
    }
}
