using System.Collections.Concurrent;
using ClassScan.Core.Scanning;

namespace ClassScan.State;

/// <summary>
/// One scan's bookkeeping against the state: which files a source handed to the pipeline (tracked by
/// <see cref="SourceItem.Id"/>), which scopes (drives, roots) it covered, and when a scope is fully judged so
/// that its delta link may be committed. Thread-safe: sources call <see cref="Track"/> and
/// <see cref="EndScope"/> from the enumerate stage while the report stage calls <see cref="Record"/>.
/// </summary>
public sealed class ScanRun
{
    private readonly ConcurrentDictionary<string, TrackedItem> pending = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ScopeProgress> scopes = new(StringComparer.Ordinal);

    public ScanRun(ScanStateStore store, string source, string? description, bool rescanAll = false)
    {
        Store = store;
        RescanAll = rescanAll;
        Id = store.BeginRun(source, description);
    }

    public ScanStateStore Store { get; }
    public long Id { get; }

    /// <summary>Ignore remembered verdicts: every listed file is scanned again (delta links are still used).</summary>
    public bool RescanAll { get; }
    public RunCounters Counters { get; } = new();

    /// <summary>Scopes this run covered, in the order begun.</summary>
    public IReadOnlyList<string> Scopes => scopes.Values.OrderBy(s => s.Order).Select(s => s.Scope).ToList();

    public void BeginScope(string scope, string kind, string? label, string? webUrl)
    {
        scopes.GetOrAdd(scope, s => new ScopeProgress(s, scopes.Count));
        Store.UpsertScope(scope, kind, label, webUrl, Id);
    }

    /// <summary>Registers a file handed to the pipeline; its verdict is recorded when the result arrives.</summary>
    public SourceItem Track(SourceItem item, TrackedItem tracked)
    {
        var scope = scopes.GetOrAdd(tracked.Scope, s => new ScopeProgress(s, scopes.Count));
        lock (scope) scope.Pending++;
        if (!pending.TryAdd(item.Id, tracked))
        {
            lock (scope) scope.Pending--;
            throw new InvalidOperationException("samma fil lämnades två gånger i samma körning");
        }
        Counters.AddQueued();
        return item;
    }

    /// <summary>The tracked entry of an item handed out and not yet judged.</summary>
    public TrackedItem? Find(string sourceItemId) => pending.GetValueOrDefault(sourceItemId);

    /// <summary>
    /// The source has handed out every file of the scope. <paramref name="onAllJudged"/> runs once the last of
    /// them is recorded (at once if none is pending); it never runs if the run stops first.
    /// </summary>
    public void EndScope(string scope, Action? onAllJudged)
    {
        var s = scopes.GetOrAdd(scope, x => new ScopeProgress(x, scopes.Count));
        bool runNow;
        lock (s)
        {
            s.Ended = true;
            s.OnAllJudged = onAllJudged;
            runNow = s.Pending == 0;
            if (runNow) s.OnAllJudged = null;
        }
        if (runNow) onAllJudged?.Invoke();
    }

    /// <summary>Records a result in the state if it belongs to a tracked item. Called by the report stage.</summary>
    public void Record(ScanResult result)
    {
        if (!pending.TryGetValue(result.Item.Id, out var tracked)) return;
        Store.RecordVerdict(tracked, result, Id);
        pending.TryRemove(result.Item.Id, out _);
        if (tracked.Gone) Counters.AddDeleted();
        if (!scopes.TryGetValue(tracked.Scope, out var s)) return;
        Action? commit = null;
        lock (s)
        {
            s.Pending--;
            if (s.Ended && s.Pending == 0)
            {
                commit = s.OnAllJudged;
                s.OnAllJudged = null;
            }
        }
        commit?.Invoke();
    }

    /// <summary>Closes the run: saves its totals in the history and returns the changes since the last complete report.</summary>
    public IReadOnlyList<FlagChange> Finish(ScanSummary summary)
    {
        var covered = Scopes;
        var changes = Store.GetChanges(covered, Id);
        var c = Counters;
        Store.FinishRun(Id, new RunRecord
        {
            Complete = summary.Complete,
            IncompleteReason = summary.IncompleteReason,
            Files = summary.Files,
            MustLeave = summary.MustLeave,
            Listed = c.Listed,
            Unchanged = c.Unchanged,
            Queued = c.Queued,
            Deleted = c.Deleted,
            Skipped = c.Skipped,
            Requests = c.Requests,
            Throttled = c.Throttled,
            Retries = c.Retries,
            Downloads = c.Downloads,
            Resyncs = c.Resyncs,
            NewlyFlagged = changes.Count(x => x.Kind == FlagChangeKind.NewlyFlagged),
            NoLongerFlagged = changes.Count(x => x.Kind == FlagChangeKind.NoLongerFlagged),
            StillFlagged = changes.Count(x => x.Kind == FlagChangeKind.StillFlagged),
        });
        return changes;
    }

    /// <summary>Makes this run's flags the baseline of the next changes report (after a complete run).</summary>
    public void AcceptChanges() => Store.AcceptChanges(Scopes);

    /// <summary>Files flagged now in the scopes this run covered.</summary>
    public int CountFlagged() => Store.CountFlagged(Scopes);

    private sealed class ScopeProgress(string scope, int order)
    {
        public string Scope { get; } = scope;
        public int Order { get; } = order;
        public int Pending { get; set; }
        public bool Ended { get; set; }
        public Action? OnAllJudged { get; set; }
    }
}
