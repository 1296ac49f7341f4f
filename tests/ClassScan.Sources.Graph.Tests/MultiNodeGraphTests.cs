using System.Diagnostics;
using ClassScan.Sources.Graph.Tests.Fakes;
using ClassScan.TestSupport.Postgres;

namespace ClassScan.Sources.Graph.Tests;

/// <summary>
/// Several real classscan processes (not threads) sharing one fresh PostgreSQL database and the fake Graph server,
/// with a short lease: the drives are shared out, every file is judged exactly once (items.judged_count = 1) also
/// when a node is killed with SIGKILL halfway, the others take its drive over when the lease runs out, and a delta
/// run afterwards downloads only what changed.
/// </summary>
[Trait("Category", PostgresAvailability.Category)]
public sealed class MultiNodeGraphTests : GraphTestBase, IDisposable
{
    private const string Person = "Elevlista klass 3B. Elsa Berg, personnummer 19121212-1212, behöver extra anpassningar.";
    private const string Plain = "Hej föräldrar! På fredag är det friluftsdag, ta med matsäck.";
    private const int Drives = 6;
    private const int FilesPerDrive = 30;

    private static string CliPath { get; } = typeof(MultiNodeGraphTests).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
        .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == "ClassScanCli").Value!;

    private PostgresDatabase? db;

    private PostgresDatabase Db => db ??= PostgresDatabase.Create();

    public void Dispose() => db?.Dispose();

    private List<FakeItem> AddTenant()
    {
        var files = new List<FakeItem>();
        for (var d = 0; d < Drives; d++)
        {
            var drive = Server.AddDrive($"d{d}", $"Bibliotek {d}");
            for (var i = 0; i < FilesPerDrive; i++) files.Add(drive.AddFile(null, $"f{i:D2}.txt", i % 5 == 0 ? Person : Plain));
        }
        return files;
    }

    private Process Start(string node, params string[] extra)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(CliPath);
        string[] args = ["scan", "--source", "graph", "--graph-base-url", Server.BaseUrl, "--out", Path.Combine(Work.FullName, "out-" + node),
            "--state", Db.ConnectionString, "--node", node, "--lease", "3", "--organisation", "Testkommun", "--in-process", "--no-model", .. extra];
        foreach (var a in args) psi.ArgumentList.Add(a);
        for (var d = 0; d < Drives; d++)
        {
            psi.ArgumentList.Add("--drive");
            psi.ArgumentList.Add($"d{d}");
        }
        psi.Environment["CLASSSCAN_GRAPH_TOKEN"] = FakeGraphServer.Token;
        psi.Environment["CLASSSCAN_NO_PROGRESS"] = "1";
        psi.WorkingDirectory = Work.FullName;
        return Process.Start(psi)!;
    }

    private static async Task<(int Exit, string Output)> FinishAsync(Process p)
    {
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await p.WaitForExitAsync(cts.Token);
        return (p.ExitCode, await stdout + await stderr);
    }

    private async Task<(int Exit, string Output)[]> RunNodesAsync(params string[] nodes)
    {
        var started = nodes.Select(n => Start(n)).ToList();
        try
        {
            return await Task.WhenAll(started.Select(FinishAsync));
        }
        finally
        {
            foreach (var p in started) p.Dispose();
        }
    }

    private long Scalar(string sql) => Convert.ToInt64(Db.Scalar(sql), System.Globalization.CultureInfo.InvariantCulture);

    [PostgresFact]
    public async Task Scan_ThreeNodesThenDelta_EveryFileJudgedOnceAndDeltaDownloadsOnlyChanged()
    {
        var files = AddTenant();
        Server.DownloadDelay = TimeSpan.FromMilliseconds(5);

        var first = await RunNodesAsync("nod-a", "nod-b", "nod-c");

        Assert.All(first, r => Assert.True(r.Exit is 0 or 1, $"exit {r.Exit}: {r.Output}"));
        Assert.Equal(Drives * FilesPerDrive, Scalar("SELECT count(*) FROM items"));
        Assert.Equal(0, Scalar("SELECT count(*) FROM items WHERE judged_count <> 1"));
        Assert.Equal(Drives * FilesPerDrive, Server.Count(FakeRequestKind.Content));
        Assert.Equal(Drives, Scalar("SELECT count(*) FROM work_units WHERE done"));
        Assert.Equal(Drives, Scalar("SELECT count(*) FROM scopes WHERE delta_link IS NOT NULL"));
        Assert.True(Scalar("SELECT count(DISTINCT done_by) FROM work_units") >= 2, "the drives went to more than one node");
        Assert.Equal(0, Scalar("SELECT count(*) FROM work_units WHERE holder IS NOT NULL"));

        Server.Drives["d1"].Edit(files[FilesPerDrive + 1].Id, Person);
        Server.Drives["d4"].Edit(files[4 * FilesPerDrive + 5].Id, Plain);
        Server.ResetLog();
        var delta = await RunNodesAsync("nod-a"); // a nightly delta: one node is enough, and a process start is seconds here

        Assert.All(delta, r => Assert.True(r.Exit is 0 or 1, $"exit {r.Exit}: {r.Output}"));
        Assert.Equal([files[FilesPerDrive + 1].Id, files[4 * FilesPerDrive + 5].Id], Server.Requests.Where(r => r.Kind == FakeRequestKind.Content).Select(r => r.ItemId!).Order());
        Assert.Equal(2, Scalar("SELECT count(*) FROM items WHERE judged_count = 2"));
        Assert.Equal(0, Scalar("SELECT count(*) FROM items WHERE judged_count NOT IN (1, 2)"));
        Assert.All(Server.Requests.Where(r => r.Kind == FakeRequestKind.Delta), r => Assert.Contains("token=", r.PathAndQuery)); // delta links, not full enumerations
    }

    [PostgresFact]
    public async Task Scan_OneOfThreeNodesKilledHalfway_OthersTakeOverAndEveryFileJudgedOnce()
    {
        AddTenant();
        Server.DownloadDelay = TimeSpan.FromMilliseconds(25);
        var perDrive = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        var killAt = new TaskCompletionSource();
        Server.Fault = r =>
        {
            // The victim dies in the middle of a drive it holds, so its lease must run out and be taken over. (A
            // count of all downloads alone was not enough: on a loaded machine the victim, slower to start than the
            // other two, could hold no drive at that moment, and nothing was left to take over.)
            if (r.Kind != FakeRequestKind.Download || r.DriveId is not { } drive || killAt.Task.IsCompleted) return null;
            var downloaded = perDrive.AddOrUpdate(drive, 1, (_, n) => n + 1);
            if (downloaded is >= 5 and <= FilesPerDrive - 10
                && Scalar($"SELECT count(*) FROM work_units WHERE unit_id = '{drive}' AND holder = 'nod-a' AND NOT done") > 0)
                killAt.TrySetResult();
            return null;
        };

        var victim = Start("nod-a");
        var survivors = new[] { Start("nod-b"), Start("nod-c") };
        await killAt.Task.WaitAsync(TimeSpan.FromSeconds(60));
        victim.Kill(entireProcessTree: true); // SIGKILL: no clean stop, its leases must run out
        await victim.WaitForExitAsync();
        victim.Dispose();
        var results = await Task.WhenAll(survivors.Select(FinishAsync));
        foreach (var p in survivors) p.Dispose();

        Assert.All(results, r => Assert.True(r.Exit is 0 or 1, $"exit {r.Exit}: {r.Output}"));
        Assert.Equal(Drives * FilesPerDrive, Scalar("SELECT count(*) FROM items"));
        Assert.Equal(0, Scalar("SELECT count(*) FROM items WHERE judged_count <> 1"));
        Assert.Equal(0, Scalar("SELECT count(*) FROM feed"));
        Assert.Equal(Drives, Scalar("SELECT count(*) FROM work_units WHERE done"));
        Assert.Equal(Drives, Scalar("SELECT count(*) FROM scopes WHERE delta_link IS NOT NULL"));
        Assert.True(Scalar("SELECT count(*) FROM work_units WHERE epoch > 1") >= 1, "a drive of the killed node was taken over");

        var status = await StatusAsync();
        Assert.Equal(0, status.Exit);
        Assert.Contains("nod-a: död", status.Output);
        Assert.Contains("nod-b: avslutad", status.Output);
        Assert.Contains($"{Drives} totalt, {Drives} klara", status.Output);
        Assert.Contains($"Filer: {Drives * FilesPerDrive} bedömda", status.Output);
        Assert.DoesNotContain("1212-1212", status.Output);
    }

    private async Task<(int Exit, string Output)> StatusAsync()
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in (string[])[CliPath, "status", "--state", Db.ConnectionString]) psi.ArgumentList.Add(a);
        psi.WorkingDirectory = Work.FullName;
        using var p = Process.Start(psi)!;
        return await FinishAsync(p);
    }
}
