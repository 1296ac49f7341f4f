using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace ClassScan.GraphSimulator;

/// <summary>
/// What the server saw: requests by kind, resource units spent (throttled calls included), 429s, delta entries
/// served, and downloads per item, so a benchmark can prove from the server side that each changed file was
/// fetched once. RU per wall-clock second are kept to report the busiest minute. Thread-safe.
/// </summary>
internal sealed class SimStats(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, long> requests = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> downloads = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, long> ruBySecond = new();
    private long ruSpent;
    private long throttled;
    private long entries;
    private long bytes;
    private long firstDeltaMs = long.MaxValue, lastDeltaMs, firstDownloadMs = long.MaxValue, lastDownloadMs;
    private long started = time.GetUtcNow().ToUnixTimeSeconds();

    public void Request(string kind)
    {
        requests.AddOrUpdate(kind, 1, (_, n) => n + 1);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        if (kind == "delta") Stamp(ref firstDeltaMs, ref lastDeltaMs, now);
        else if (kind == "download") Stamp(ref firstDownloadMs, ref lastDownloadMs, now);
    }

    private static void Stamp(ref long first, ref long last, long now)
    {
        long seen;
        while (now < (seen = Interlocked.Read(ref first)) && Interlocked.CompareExchange(ref first, now, seen) != seen) { }
        while (now > (seen = Interlocked.Read(ref last)) && Interlocked.CompareExchange(ref last, now, seen) != seen) { }
    }

    public void Spent(int ru)
    {
        Interlocked.Add(ref ruSpent, ru);
        ruBySecond.AddOrUpdate(time.GetUtcNow().ToUnixTimeSeconds(), ru, (_, n) => n + ru);
    }

    public void Throttled() => Interlocked.Increment(ref throttled);

    public void Entries(int n) => Interlocked.Add(ref entries, n);

    public void Downloaded(string driveId, string itemId, long length)
    {
        downloads.AddOrUpdate(driveId + "/" + itemId, 1, (_, n) => n + 1);
        Interlocked.Add(ref bytes, length);
    }

    public IEnumerable<KeyValuePair<string, int>> Downloads => downloads;

    public void Reset()
    {
        requests.Clear();
        downloads.Clear();
        ruBySecond.Clear();
        Interlocked.Exchange(ref ruSpent, 0);
        Interlocked.Exchange(ref throttled, 0);
        Interlocked.Exchange(ref entries, 0);
        Interlocked.Exchange(ref bytes, 0);
        Interlocked.Exchange(ref firstDeltaMs, long.MaxValue);
        Interlocked.Exchange(ref lastDeltaMs, 0);
        Interlocked.Exchange(ref firstDownloadMs, long.MaxValue);
        Interlocked.Exchange(ref lastDownloadMs, 0);
        Interlocked.Exchange(ref started, time.GetUtcNow().ToUnixTimeSeconds());
    }

    public JsonObject ToJson(TenantModel tenant)
    {
        var seconds = ruBySecond.ToArray().OrderBy(p => p.Key).ToArray();
        long peak = 0;
        for (int a = 0, b = 0; b < seconds.Length; b++)
        {
            while (seconds[b].Key - seconds[a].Key >= 60) a++;
            var sum = 0L;
            for (var k = a; k <= b; k++) sum += seconds[k].Value;
            peak = Math.Max(peak, sum);
        }
        var counts = downloads.Values.ToArray();
        var req = new JsonObject();
        foreach (var (k, v) in requests.OrderBy(p => p.Key, StringComparer.Ordinal)) req[k] = v;
        return new JsonObject
        {
            ["generation"] = tenant.Generation,
            ["min_valid_generation"] = tenant.MinValidGeneration,
            ["since_unix"] = Interlocked.Read(ref started),
            ["requests"] = req,
            ["ru_spent"] = Interlocked.Read(ref ruSpent),
            ["ru_per_minute_budget"] = tenant.Options.RuPerMinute,
            ["ru_peak_minute"] = peak,
            ["throttled"] = Interlocked.Read(ref throttled),
            ["delta_entries"] = Interlocked.Read(ref entries),
            ["downloads"] = counts.Sum(c => (long)c),
            ["downloaded_items"] = counts.Length,
            ["downloaded_more_than_once"] = counts.Count(c => c > 1),
            ["download_bytes"] = Interlocked.Read(ref bytes),
            // The busy span of each kind (first to last request, ms since 1970): rates without start-up and reports.
            ["delta_first_ms"] = Interlocked.Read(ref firstDeltaMs) == long.MaxValue ? 0 : Interlocked.Read(ref firstDeltaMs),
            ["delta_last_ms"] = Interlocked.Read(ref lastDeltaMs),
            ["download_first_ms"] = Interlocked.Read(ref firstDownloadMs) == long.MaxValue ? 0 : Interlocked.Read(ref firstDownloadMs),
            ["download_last_ms"] = Interlocked.Read(ref lastDownloadMs),
        };
    }
}
