using System.Diagnostics;
using System.Globalization;
using ClassScan.Core.Classification;
using ClassScan.Core.Scanning;
using ClassScan.State;
using ClassScan.State.Postgres;
using Npgsql;

namespace ClassScan.Benchmarks;

/// <summary>
/// Throughput of one state engine for the calls a scan node makes per item, on a batch of N items of one drive:
/// verdicts (one transaction each, as the verdict recorder writes them), lookups and unchanged marks by page (as the
/// change filter asks), feed pages staged, and a complete listing's deletions. Wall-clock on this machine, one
/// thread, so it is the latency a node sees, not the server's capacity. Not a BenchmarkDotNet job: a database round
/// trip is milliseconds, and what matters is items per second over a realistic batch.
///   dotnet run -c Release --project benchmarks/ClassScan.Benchmarks -- state-store [N] [PAGE] [CONNSTRING]
/// CONNSTRING (or CLASSSCAN_TEST_POSTGRES) names a server where a scratch database is created and dropped; without it
/// only SQLite (a temp file) is measured.
/// </summary>
internal static class StateStoreThroughput
{
    public static bool Handles(string[] args) => args.Length > 0 && args[0] == "state-store";

    public static int Run(string[] args, Func<string, IScanStateStore>? openSqlite)
    {
        var n = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
        var page = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 200;
        var server = args.Length > 3 ? args[3] : Environment.GetEnvironmentVariable("CLASSSCAN_TEST_POSTGRES");
        Console.WriteLine($"state-store: {n} items, pages of {page}, one thread");
        Console.WriteLine("| engine | verdicts/s | lookups/s | unchanged marks/s | feed entries/s | mark missing (1 % gone) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        if (openSqlite is not null)
        {
            var dir = Directory.CreateTempSubdirectory("classscan-bench-");
            try
            {
                using var store = openSqlite(Path.Combine(dir.FullName, "state.db"));
                Measure("SQLite", store, n, page);
            }
            finally
            {
                dir.Delete(recursive: true);
            }
        }
        if (!string.IsNullOrEmpty(server))
        {
            var name = "classscan_bench_" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);
            Admin(server, $"CREATE DATABASE {name}");
            try
            {
                var cs = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
                using var store = PostgresStateStore.Open(cs);
                Measure("PostgreSQL " + Version(server), store, n, page);
            }
            finally
            {
                Admin(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            }
        }
        return 0;
    }

    private static void Measure(string engine, IScanStateStore store, int n, int page)
    {
        const string Scope = "bench-drive";
        store.UpsertScope(new ScopeRecord(Scope, ScopeRecord.GraphDriveKind, "Bench", null), 1);
        var run = store.BeginRun("bench", null);
        var items = Enumerable.Range(0, n).Select(i => new TrackedItem
        {
            Scope = Scope,
            ItemId = $"item-{i:D7}",
            ParentId = $"folder-{i / 100:D5}",
            Name = $"fil-{i}.docx",
            Path = $"mapp-{i / 100:D5}/fil-{i}.docx",
            WebUrl = $"https://example.invalid/sites/bench/mapp-{i / 100:D5}/fil-{i}.docx",
            Fingerprint = new ItemFingerprint(CTag: $"c{i}", QuickXorHash: $"q{i}", Size: 1000 + i, LastModified: new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(i)),
        }).ToList();

        var clock = Stopwatch.StartNew();
        foreach (var t in items)
        {
            var level = t.ItemId.EndsWith('7') ? KlassaLevel.Konfidentiell : KlassaLevel.Intern;
            store.RecordVerdict(t, new ScanResult
            {
                Item = new SourceItem(Scope + "/" + t.ItemId, t.Path!, t.Fingerprint.Size, t.Fingerprint.LastModified),
                Status = ScanStatus.Ok,
                Classification = new ClassificationResult(level, "bench", "bench.rule"),
                Extractor = "bench",
            }, run);
        }
        var verdicts = n / clock.Elapsed.TotalSeconds;

        clock.Restart();
        var found = 0;
        foreach (var chunk in items.Chunk(page)) found += store.GetItems(Scope, chunk.Select(t => t.ItemId).ToList()).Count;
        var lookups = n / clock.Elapsed.TotalSeconds;
        if (found != n) throw new InvalidOperationException($"{engine}: found {found} of {n}");

        clock.Restart();
        foreach (var chunk in items.Chunk(page)) store.MarkUnchanged(chunk);
        var marks = n / clock.Elapsed.TotalSeconds;

        store.StartFeed(Scope, "https://example.invalid/delta", full: false);
        clock.Restart();
        foreach (var chunk in items.Chunk(page))
            store.SaveFeedPage(Scope, chunk.Select(t => new FeedEntry { ItemId = t.ItemId, Kind = FeedEntryKind.File, ParentId = t.ParentId, Name = t.Name, Fingerprint = t.Fingerprint }).ToList(), "https://example.invalid/next", null);
        var feed = n / clock.Elapsed.TotalSeconds;

        var seen = items.Where((_, i) => i % 100 != 0).Select(t => t.ItemId).ToHashSet(StringComparer.Ordinal);
        clock.Restart();
        var gone = store.MarkMissing(Scope, seen, [], "bench");
        var missing = clock.Elapsed;
        if (gone != n - seen.Count) throw new InvalidOperationException($"{engine}: {gone} marked missing, expected {n - seen.Count}");

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {engine} | {verdicts:F0} | {lookups:F0} | {marks:F0} | {feed:F0} | {missing.TotalMilliseconds:F0} ms |"));
    }

    private static void Admin(string server, string sql)
    {
        using var conn = new NpgsqlConnection(server);
        conn.Open();
        using var cmd = new NpgsqlCommand(sql, conn);
        cmd.ExecuteNonQuery();
    }

    private static string Version(string server)
    {
        using var conn = new NpgsqlConnection(server);
        conn.Open();
        return conn.PostgreSqlVersion.ToString(2);
    }
}
