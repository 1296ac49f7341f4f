using ClassScan.Core.Classification;
using ClassScan.Core.Scanning;
using ClassScan.State;
using ClassScan.State.Sqlite;

namespace ClassScan.Cli.Tests.OutputFailure;

/// <summary>The state on a disk that fills mid-run (a real tmpfs): the failure is named, the reports are not
/// completed, and the SQLite file keeps every verdict committed before it and opens cleanly afterwards.</summary>
public sealed class StateOnFullDiskTests
{
    private const string Scope = "local:/in";

    private sealed class Reports : IScanResultSink
    {
        public int Written { get; private set; }
        public bool Completed { get; private set; }

        public ValueTask WriteAsync(ScanResult result, CancellationToken ct)
        {
            Written++;
            return ValueTask.CompletedTask;
        }

        public ValueTask CompleteAsync(ScanSummary summary, CancellationToken ct)
        {
            Completed = true;
            return ValueTask.CompletedTask;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private static ScanResult Judged(SourceItem item) => new()
    {
        Item = item,
        Status = ScanStatus.Ok,
        Classification = new ClassificationResult(KlassaLevel.Intern, "Inga känsliga uppgifter", "R5"),
        Bytes = 10,
    };

    [SmallDiskFact]
    public async Task VerdictRecorder_DiskFillsMidRun_NamesCauseSkipsReportsStateStaysConsistent()
    {
        using var disk = new SmallDisk(4);
        var path = Path.Combine(disk.Root, "classscan-state.db");
        var items = Enumerable.Range(0, 20000).Select(i => new SourceItem($"/in/f{i}.txt", $"/in/f{i}.txt", 10, DateTimeOffset.UnixEpoch)).ToList();
        var reports = new Reports();
        OutputWriteException? failure = null;
        var recorded = 0;
        using (var store = SqliteStateStore.Open(path))
        {
            var run = new ScanRun(store, "local", "test");
            var sink = new VerdictRecorder(reports, store, run);
            foreach (var item in items)
                run.Track(item, new TrackedItem { Scope = Scope, ItemId = item.Id, Path = item.Path, Name = Path.GetFileName(item.Path), Fingerprint = new ItemFingerprint(Size: 10, LastModified: DateTimeOffset.UnixEpoch) });
            for (; recorded < 50; recorded++) await sink.WriteAsync(Judged(items[recorded]), default);
            disk.Fill();
            try
            {
                for (; recorded < items.Count; recorded++) await sink.WriteAsync(Judged(items[recorded]), default);
            }
            catch (OutputWriteException ex)
            {
                failure = ex;
            }

            Assert.NotNull(failure);
            Assert.StartsWith("tillståndet kunde inte sparas: tillståndsfilens mapp är full", failure.Message);
            var summary = new ScanSummary { StartedAt = DateTimeOffset.UnixEpoch, FinishedAt = DateTimeOffset.UnixEpoch, Complete = false, IncompleteReason = failure.Message };
            await Assert.ThrowsAsync<OutputWriteException>(async () => await sink.CompleteAsync(summary, default));
            Assert.False(reports.Completed); // last night's reports are not replaced by a run the state could not follow
            Assert.Equal(recorded, reports.Written);
        }

        File.Delete(Path.Combine(disk.Root, ".filler"));
        using var reopened = SqliteStateStore.Open(path); // runs SQLite's quick_check: throws StateCorruptException if damaged
        Assert.Equal("ok", reopened.GetItem(Scope, items[0].Id)?.Status);
        Assert.Equal("ok", reopened.GetItem(Scope, items[recorded - 1].Id)?.Status);
        Assert.Null(reopened.GetItem(Scope, items[recorded].Id)); // the verdict that failed was rolled back whole
    }
}
