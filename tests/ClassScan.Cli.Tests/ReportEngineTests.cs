using ClassScan.Core.Classification;
using ClassScan.Core.Scanning;
using ClassScan.State;
using ClassScan.State.Postgres;
using ClassScan.State.Sqlite;
using ClassScan.TestSupport.Postgres;

namespace ClassScan.Cli.Tests;

/// <summary>
/// <c>classscan report</c> on either engine: a state two nodes filled (one run each, a drive each), written out by the
/// real binary from SQLite and from PostgreSQL into the same reports.
/// </summary>
public sealed class ReportEngineTests : IDisposable
{
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("classscan-report-engine-");
    private readonly Lazy<PostgresDatabase> database = new(PostgresDatabase.Create);

    public void Dispose()
    {
        if (database.IsValueCreated) database.Value.Dispose();
        work.Delete(recursive: true);
    }

    private string Out => Path.Combine(work.FullName, "report");

    private static TrackedItem Listing(string scope, string itemId, string path) => new()
    {
        Scope = scope,
        ItemId = itemId,
        Name = Path.GetFileName(path),
        Path = path,
        Fingerprint = new ItemFingerprint(CTag: "c-" + itemId, Size: 100, LastModified: DateTimeOffset.UnixEpoch),
    };

    private static ScanResult Verdict(string scope, string itemId, KlassaLevel? level) => new()
    {
        Item = new SourceItem(scope + "/" + itemId, itemId, 100, DateTimeOffset.UnixEpoch),
        Status = level is null ? ScanStatus.Error : ScanStatus.Ok,
        StatusDetail = level is null ? "filen är trasig" : null,
        Classification = level is { } l ? new ClassificationResult(l, l >= KlassaLevel.Konfidentiell ? "personnummer med hälsouppgift" : "inga känsliga uppgifter", "R" + (int)l) : null,
        Bytes = 100,
        Extractor = "docx",
    };

    /// <summary>Two nodes, one drive each, each run finished complete; the baseline was never accepted.</summary>
    private static void Seed(IScanStateStore store)
    {
        var files = new[]
        {
            ("drive-soc", "Socialtjänst", "i1", "Utredningar/utredning.docx", (KlassaLevel?)KlassaLevel.StriktKonfidentiell),
            ("drive-soc", "Socialtjänst", "i2", "veckobrev.docx", KlassaLevel.Intern),
            ("drive-hr", "Personal", "i1", "lönelista.xlsx", KlassaLevel.Konfidentiell),
            ("drive-hr", "Personal", "i3", "trasig.docx", null),
        };
        foreach (var node in files.GroupBy(f => (f.Item1, f.Item2)))
        {
            var run = store.BeginRun("graph", "nod " + node.Key.Item1);
            store.UpsertScope(new ScopeRecord(node.Key.Item1, ScopeRecord.GraphDriveKind, node.Key.Item2, null), run);
            foreach (var (scope, _, id, path, level) in node) store.RecordVerdict(Listing(scope, id, path), Verdict(scope, id, level), run);
            store.FinishRun(run, new RunRecord { Complete = true, Files = node.Count() });
        }
    }

    private async Task<List<string>> ReportAsync(string state)
    {
        var run = await CliRunner.RunAsync("report", "--state", state, "--out", Out);
        Assert.True(run.ExitCode == 1, run.StdErr + run.StdOut);
        return
        [
            .. ReportReader.Read(Path.Combine(Out, "flagged.csv")).Select(r => $"flagged {r["path"]} {r["level"]}"),
            .. ReportReader.Read(Path.Combine(Out, "review.csv")).Select(r => $"review {r["path"]} {r["status"]}"),
            .. ReportReader.Read(Path.Combine(Out, "changes.csv")).Select(r => $"{r["change"]} {r["why"]} {r["path"]}"),
            "results " + ReportReader.Read(Path.Combine(Out, "results.csv")).Count,
        ];
    }

    private static readonly string[] Expected =
    [
        "flagged Socialtjänst/Utredningar/utredning.docx 3",
        "flagged Personal/lönelista.xlsx 2",
        "review Personal/trasig.docx error",
        "newly-flagged new Personal/lönelista.xlsx",
        "newly-flagged new Socialtjänst/Utredningar/utredning.docx",
        "results 4",
    ];

    [Fact]
    public async Task Report_SqliteStateOfTwoNodes_EveryDriveInTheReports()
    {
        var state = Path.Combine(work.FullName, "classscan-state.db");
        using (var store = SqliteStateStore.Open(state)) Seed(store);

        var lines = await ReportAsync(state);

        Assert.Equal(Expected.Order(StringComparer.Ordinal), lines.Order(StringComparer.Ordinal));
    }

    [PostgresFact]
    [Trait("Category", PostgresAvailability.Category)]
    public async Task Report_PostgresStateOfTwoNodes_SameReportsAsSqlite()
    {
        using (var store = PostgresStateStore.Open(database.Value.ConnectionString)) Seed(store);

        var lines = await ReportAsync(database.Value.ConnectionString);

        Assert.Equal(Expected.Order(StringComparer.Ordinal), lines.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Report_NewestRunUnfinished_ReportsWrittenButMarkedIncomplete()
    {
        var state = Path.Combine(work.FullName, "classscan-state.db");
        using (var store = SqliteStateStore.Open(state))
        {
            Seed(store);
            store.BeginRun("graph", "nod som dödades"); // never finished: a node killed mid-run
        }

        var run = await CliRunner.RunAsync("report", "--state", state, "--out", Out);

        Assert.Equal(ExitCodes.Incomplete, run.ExitCode);
        Assert.Equal(2, ReportReader.Read(Path.Combine(Out, "flagged.csv")).Count);
        var page = File.ReadAllText(Path.Combine(Out, "rapport.html"));
        Assert.Contains("Tillståndet är OFULLSTÄNDIG", page);
        Assert.Contains("pågår eller avbröts", page);
    }

    [Fact]
    public async Task Report_NewestRunComplete_NotMarkedIncomplete()
    {
        var state = Path.Combine(work.FullName, "classscan-state.db");
        using (var store = SqliteStateStore.Open(state)) Seed(store);

        await ReportAsync(state);

        Assert.Contains("Tillståndet är komplett", File.ReadAllText(Path.Combine(Out, "rapport.html")));
    }

    [Fact]
    public async Task Report_SqliteStateHeldByAScan_AlreadyRunningAndNoReports()
    {
        var state = Path.Combine(work.FullName, "classscan-state.db");
        using var store = SqliteStateStore.Open(state); // held, as a running scan holds it
        Seed(store);

        var run = await CliRunner.RunAsync("report", "--state", state, "--out", Out);

        Assert.Equal(ExitCodes.AlreadyRunning, run.ExitCode);
        Assert.False(File.Exists(Path.Combine(Out, "results.csv")));
    }
}
