using System.Collections.Concurrent;
using ClassScan.Core.Scanning;

namespace ClassScan.State;

/// <summary>
/// One scan's bookkeeping against the state, whatever the engine: which files the change filter handed to the
/// pipeline (tracked by <see cref="SourceItem.Id"/>), which scopes (drives, roots) the run covered, and when a
/// scope is fully judged so that its delta link may be committed. Thread-safe: sources call
/// <see cref="BeginScope"/> and <see cref="EndScope"/> from the enumerate stage while the verdict recorder
/// completes items from the report stage. Does not own the store.
/// </summary>
public sealed class ScanRun : IScanTracker
{
    private readonly ConcurrentDictionary<string, TrackedItem> pending = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ScopeProgress> scopes = new(StringComparer.Ordinal);

    /// <summary>Starts a run in <paramref name="store"/>'s history.</summary>
    public ScanRun(IScanStateStore store, string source, string? description, bool rescanAll = false)
    {
        Store = store;
        RescanAll = rescanAll;
        Id = store.BeginRun(source, description);
    }

    public long Id { get; }

    /// <summary>Ignore remembered verdicts: every listed file is scanned again (delta links are still used).</summary>
    public bool RescanAll { get; }
    public RunCounters Counters { get; } = new();

    /// <summary>Scopes this run covered, in the order begun.</summary>
    public IReadOnlyList<string> Scopes => scopes.Values.OrderBy(s => s.Order).Select(s => s.Scope).ToList();

    /// <summary>The state the run is kept in (not owned).</summary>
    public IScanStateStore Store { get; }

    public void BeginScope(ScopeRecord scope)
    {
        scopes.GetOrAdd(scope.Scope, s => new ScopeProgress(s, scopes.Count));
        Guard(() => Store.UpsertScope(scope, Id));
    }

    /// <summary>Registers a file handed to the pipeline; its verdict is recorded when the result arrives.</summary>
    internal SourceItem Track(SourceItem item, TrackedItem tracked)
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

    public TrackedItem? Find(string sourceItemId) => pending.GetValueOrDefault(sourceItemId);

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
        if (runNow) Guard(() => onAllJudged?.Invoke());
    }

    /// <summary>The verdict of <paramref name="sourceItemId"/> is recorded: it is no longer pending, and its scope
    /// completes when it was the last one (the scope's callback runs here).</summary>
    internal void Judged(string sourceItemId, TrackedItem tracked)
    {
        pending.TryRemove(sourceItemId, out _);
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
        var changes = Store.GetChanges(ScopeSet.Of(Scopes), Id);
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
    public void AcceptChanges() => Store.AcceptChanges(ScopeSet.Of(Scopes));

    /// <summary>Files flagged now in the scopes this run covered.</summary>
    public int CountFlagged() => Store.CountFlagged(ScopeSet.Of(Scopes));

    /// <summary>A state write while listing; a full or read-only disk becomes an <see cref="OutputWriteException"/> naming it.</summary>
    internal void Guard(Action write) => Guard(() => { write(); return 0; });

    /// <inheritdoc cref="Guard(Action)"/>
    internal T Guard<T>(Func<T> write)
    {
        try
        {
            return write();
        }
        catch (Exception ex) when (ex is not OutputWriteException && Store.AsWriteFailure(ex) is { } why)
        {
            throw why;
        }
    }

    private sealed class ScopeProgress(string scope, int order)
    {
        public string Scope { get; } = scope;
        public int Order { get; } = order;
        public int Pending { get; set; }
        public bool Ended { get; set; }
        public Action? OnAllJudged { get; set; }
    }
}
