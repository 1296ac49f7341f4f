using ClassScan.Core.Classification;
using ClassScan.Core.Scanning;
using ClassScan.State.Sqlite;

namespace ClassScan.State.Tests;

/// <summary>The one "unchanged" rule of the change filter, for Graph listings and local files alike.</summary>
public sealed class ChangeFilterTests : IDisposable
{
    private const string Scope = "local:/in";
    private static readonly DateTimeOffset Then = new(2026, 11, 30, 22, 0, 0, TimeSpan.Zero);

    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("classscan-filter-");

    public void Dispose() => work.Delete(recursive: true);

    private static ItemRecord Judged(ItemFingerprint fp, string? status = "ok", bool deleted = false, bool retry = false) => new()
    {
        Scope = Scope,
        ItemId = "/in/a.txt",
        Fingerprint = fp,
        Status = status,
        Deleted = deleted,
        Retry = retry,
    };

    public static TheoryData<string, ItemFingerprint, ItemFingerprint> SameContent() => new()
    {
        { "same cTag, other eTag (metadata edit)", new(CTag: "c1", ETag: "e2", Size: 9), new(CTag: "c1", ETag: "e1", Size: 10) },
        { "no cTag in delta, same quickXorHash", new(QuickXorHash: "q1", ETag: "e2"), new(CTag: "c1", QuickXorHash: "q1", ETag: "e1") },
        { "eTag, size and time the same", new(ETag: "e1", Size: 10, LastModified: Then), new(ETag: "e1", Size: 10, LastModified: Then) },
        { "local file, size and time within a second", new(Size: 10, LastModified: Then.AddMilliseconds(400)), new(Sha256: "s1", Size: 10, LastModified: Then) },
    };

    public static TheoryData<string, ItemFingerprint, ItemFingerprint> OtherContent() => new()
    {
        { "other cTag, same quickXorHash (cTag decides)", new(CTag: "c2", QuickXorHash: "q1"), new(CTag: "c1", QuickXorHash: "q1") },
        { "other quickXorHash", new(QuickXorHash: "q2", Size: 10, LastModified: Then), new(QuickXorHash: "q1", Size: 10, LastModified: Then) },
        { "same eTag, other size", new(ETag: "e1", Size: 11, LastModified: Then), new(ETag: "e1", Size: 10, LastModified: Then) },
        { "local file, time moved", new(Size: 10, LastModified: Then.AddHours(1)), new(Sha256: "s1", Size: 10, LastModified: Then) },
        { "no size known", new(LastModified: Then), new(LastModified: Then) },
    };

    [Theory]
    [MemberData(nameof(SameContent))]
    public void IsUnchanged_SameContent_True(string why, ItemFingerprint listed, ItemFingerprint judged)
    {
        Assert.True(ChangeFilter.IsUnchanged(listed, Judged(judged)), why);
    }

    [Theory]
    [MemberData(nameof(OtherContent))]
    public void IsUnchanged_OtherContent_False(string why, ItemFingerprint listed, ItemFingerprint judged)
    {
        Assert.False(ChangeFilter.IsUnchanged(listed, Judged(judged)), why);
    }

    [Fact]
    public void IsUnchanged_SameFingerprintButVerdictNotSettled_False()
    {
        var fp = new ItemFingerprint(CTag: "c1");

        Assert.True(ChangeFilter.IsUnchanged(fp, Judged(fp)));
        Assert.False(ChangeFilter.IsUnchanged(fp, null));                       // never seen
        Assert.False(ChangeFilter.IsUnchanged(fp, Judged(fp, status: null)));   // listed, never judged
        Assert.False(ChangeFilter.IsUnchanged(fp, Judged(fp, deleted: true)));  // came back: judge again
        Assert.False(ChangeFilter.IsUnchanged(fp, Judged(fp, retry: true)));    // last fetch failed
    }

    [Fact]
    public async Task FilterAsync_TimeMovedSameHash_MarkedUnchangedWithOneHashRead()
    {
        using var store = SqliteStateStore.Open(Path.Combine(work.FullName, "state.db"));
        var run = Seed(store, sha: "s1");
        var hashed = 0;

        var handed = await new ChangeFilter(store, run).FilterAsync([Listed(Then.AddHours(1))], (_, _) => { hashed++; return Task.FromResult<string?>("s1"); }, default);

        Assert.Empty(handed);
        Assert.Equal(1, hashed);
        Assert.Equal(1, run.Counters.Unchanged);
        Assert.Equal(Then.AddHours(1), store.GetItem(Scope, "/in/a.txt")?.Fingerprint.LastModified); // the new time is remembered
    }

    [Fact]
    public async Task FilterAsync_TimeMovedOtherHashOrNoHasher_HandedOnAndTracked()
    {
        using var store = SqliteStateStore.Open(Path.Combine(work.FullName, "state.db"));
        var run = Seed(store, sha: "s1");
        var filter = new ChangeFilter(store, run);

        var changed = await filter.FilterAsync([Listed(Then.AddHours(1))], (_, _) => Task.FromResult<string?>("s2"), default);
        var graphLike = await new ChangeFilter(store, new ScanRun(store, "graph", null)).FilterAsync([Listed(Then.AddHours(1))], contentHash: null, default);

        Assert.Equal(["/in/a.txt"], changed.Select(i => i.Id));
        Assert.NotNull(run.Find("/in/a.txt"));
        Assert.Equal(["/in/a.txt"], graphLike.Select(i => i.Id));
        Assert.Equal(0, run.Counters.Unchanged);
    }

    [Fact]
    public async Task FilterAsync_RescanAll_EverythingHandedOnWithoutHashing()
    {
        using var store = SqliteStateStore.Open(Path.Combine(work.FullName, "state.db"));
        Seed(store, sha: "s1");
        var run = new ScanRun(store, "local", null, rescanAll: true);

        var handed = await new ChangeFilter(store, run).FilterAsync([Listed(Then)], (_, _) => throw new InvalidOperationException("no hashing on --rescan-all"), default);

        Assert.Single(handed);
        Assert.Equal(1, run.Counters.Queued);
    }

    [Fact]
    public async Task FilterAsync_PageOfListings_OneLookupAndOneUnchangedMarkForThePage()
    {
        using var store = SqliteStateStore.Open(Path.Combine(work.FullName, "state.db"));
        var run = Seed(store, sha: "s1");
        var counting = new CountingStates(store);
        var page = new List<(SourceItem, TrackedItem)> { Listed(Then), Listed(Then, "/in/new1.txt"), Listed(Then, "/in/new2.txt") };

        var handed = await new ChangeFilter(counting, run).FilterAsync(page, contentHash: null, default);

        Assert.Equal(["/in/new1.txt", "/in/new2.txt"], handed.Select(i => i.Id));
        Assert.Equal((1, 1, 1), (counting.Lookups, counting.Marks, counting.Marked));
    }

    /// <summary>Counts the round trips the filter makes to the state.</summary>
    private sealed class CountingStates(IItemStates inner) : IItemStates
    {
        public int Lookups { get; private set; }
        public int Marks { get; private set; }
        public int Marked { get; private set; }

        public IReadOnlyDictionary<string, ItemRecord> GetItems(string scope, IReadOnlyCollection<string> itemIds)
        {
            Lookups++;
            return inner.GetItems(scope, itemIds);
        }

        public void MarkUnchanged(IReadOnlyList<TrackedItem> listings)
        {
            Marks++;
            Marked += listings.Count;
            inner.MarkUnchanged(listings);
        }

        public IReadOnlyList<ItemRecord> GetRetryItems(string scope) => inner.GetRetryItems(scope);
    }

    /// <summary>One judged local file (size 10, time <see cref="Then"/>) and a fresh run.</summary>
    private static ScanRun Seed(SqliteStateStore store, string sha)
    {
        var first = store.BeginRun("local", null);
        store.RecordVerdict(new TrackedItem { Scope = Scope, ItemId = "/in/a.txt", Path = "/in/a.txt", Sha256 = sha, Fingerprint = new ItemFingerprint(Size: 10, LastModified: Then) },
            new ScanResult
            {
                Item = new SourceItem("/in/a.txt", "/in/a.txt", 10, Then),
                Status = ScanStatus.Ok,
                Classification = new ClassificationResult(KlassaLevel.Intern, "inga känsliga uppgifter", "R1"),
                Extractor = "text",
            }, first);
        return new ScanRun(store, "local", null);
    }

    private static (SourceItem, TrackedItem) Listed(DateTimeOffset time, string path = "/in/a.txt") =>
        (new SourceItem(path, path, 10, time),
         new TrackedItem { Scope = Scope, ItemId = path, Path = path, Fingerprint = new ItemFingerprint(Size: 10, LastModified: time) });
}
