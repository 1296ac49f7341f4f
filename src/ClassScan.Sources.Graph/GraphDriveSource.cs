using System.Runtime.CompilerServices;
using ClassScan.Core.Scanning;
using ClassScan.Sources.Graph.Download;
using ClassScan.Sources.Graph.Http;
using ClassScan.State;
using ClassScan.State.Work;

namespace ClassScan.Sources.Graph;

/// <summary>
/// OneDrive and SharePoint document libraries through Microsoft Graph, incrementally. Per drive:
/// <list type="number">
/// <item>the delta feed is staged in the state (<see cref="DeltaFeedReader"/>); the last entry per item wins;</item>
/// <item>folders, renames and deletions are applied to the state (deleted files lose their flag);</item>
/// <item>files whose content (cTag, else quickXorHash, else eTag+size+time) was already judged are not handed
/// on, so they are not downloaded; the rest are, plus files whose last download failed;</item>
/// <item>the drive's new delta link is committed only when every file handed on has a verdict.</item>
/// </list>
/// Folders are passed over (counted); files inside OneNote notebooks are part of the notebook; a notebook
/// itself becomes a review row (its pages cannot be read as a file). A drive that cannot be listed becomes an
/// error row and the scan goes on. <see cref="OpenReadAsync"/> is thread-safe and streams with resume.
/// The source only lists and fingerprints: whether a file is unchanged is the <see cref="ChangeFilter"/>'s rule,
/// shared with the local folder, and the state is reached through its ports, whatever the engine.
/// <para>
/// Drives are work units (<see cref="GraphWork"/>): registered with their site priority, leased one at a time,
/// kept by a heartbeat, and the delta link is committed only while this node still holds the drive's lease. With
/// several nodes on one PostgreSQL, a drive whose node died is taken over when its lease runs out and resumed from
/// the staged feed (a judged file's staging row went with its verdict, so it is not judged again). The enumeration
/// ends when nothing is left to take and no live node holds a drive.
/// </para>
/// </summary>
public sealed class GraphDriveSource : IDocumentSource
{
    private const int BatchSize = 500;
    private const string NotebookSkipped =
        "OneNote-anteckningsbok: hoppas över, sidorna kan inte hämtas som en fil; granska anteckningsboken manuellt i OneNote";

    private static readonly FeedEntryKind[] StructureKinds = [FeedEntryKind.Root, FeedEntryKind.Folder, FeedEntryKind.Package, FeedEntryKind.Deleted, FeedEntryKind.Other];
    private static readonly FeedEntryKind[] FileKinds = [FeedEntryKind.File, FeedEntryKind.Package];

    private readonly GraphConnection graph;
    private readonly GraphScanTargets targets;
    private readonly IDeltaCursors cursors;
    private readonly IFeedStaging feed;
    private readonly IFolderTree tree;
    private readonly ChangeFilter filter;
    private readonly GraphApi api;
    private readonly GraphWork work;

    /// <param name="graph">The connection (not owned).</param>
    /// <param name="targets">The drives, sites and OneDrives to scan.</param>
    /// <param name="cursors">Each drive's delta link and feed in progress.</param>
    /// <param name="feed">Where a drive's delta feed is staged until it is applied.</param>
    /// <param name="tree">The drives' folder trees (paths from parent ids).</param>
    /// <param name="filter">Decides which files need a verdict, and tracks them in the run.</param>
    /// <param name="work">How drives are shared with other nodes; null: this node alone, in site-priority order.</param>
    public GraphDriveSource(GraphConnection graph, GraphScanTargets targets, IDeltaCursors cursors, IFeedStaging feed, IFolderTree tree, ChangeFilter filter,
        GraphWork? work = null)
    {
        this.work = work ?? GraphWork.SingleNode();
        this.graph = graph;
        this.targets = targets;
        this.cursors = cursors;
        this.feed = feed;
        this.tree = tree;
        this.filter = filter;
        api = new GraphApi(graph);
    }

    private IScanTracker Run => filter.Run;
    private RunCounters Counters => filter.Counters;

    public async IAsyncEnumerable<SourceItem> EnumerateAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var (drives, errors) = await new GraphTargetResolver(api).ResolveAsync(targets, ct).ConfigureAwait(false);
        foreach (var (target, error) in errors)
            yield return new SourceItem("target:" + target, target, null, null) { EnumerationError = error };

        var priorities = new SitePriorities(work.Priorities);
        var byId = drives.ToDictionary(d => d.DriveId, StringComparer.Ordinal);
        var units = drives.Select((d, i) => new WorkUnit(d.DriveId, ScopeRecord.GraphDriveKind, d.Label, d.WebUrl, priorities.Of(d.WebUrl), i)).ToList();
        await work.Queue.RegisterAsync(units, ct).ConfigureAwait(false);
        await work.Nodes.JoinAsync(new NodeInfo(work.Node, Environment.MachineName, Environment.ProcessId, DateTimeOffset.UtcNow, work.Lease), ct).ConfigureAwait(false);
        // Released by each completion of this node's own drive, so the last one ends the wait at once.
        var completed = new SemaphoreSlim(0); // not disposed: a late callback (a lease that ran out) may still release it
        var heartbeat = new NodeHeartbeat(work.Nodes, work.Node, () => NodeCounters.From(Counters), work.Lease);
        try
        {
            var reader = new DeltaFeedReader(api, cursors, feed, Counters);
            while (true)
            {
                var take = await work.Queue.TakeAsync(work.Node, 1, work.Lease, ct).ConfigureAwait(false);
                if (take.Leases.Count == 0)
                {
                    if (take.HeldLive == 0) break;
                    // Held by this node (verdicts still coming) or by another that may yet die: look again soon.
                    await completed.WaitAsync(work.Poll, ct).ConfigureAwait(false);
                    continue;
                }
                foreach (var lease in take.Leases)
                {
                    heartbeat.Taken(lease.Unit.Id);
                    var drive = byId[lease.Unit.Id];
                    Run.BeginScope(new ScopeRecord(drive.DriveId, ScopeRecord.GraphDriveKind, drive.Label, drive.WebUrl));
                    var error = await reader.FetchAsync(drive, ct).ConfigureAwait(false);
                    if (error is not null)
                    {
                        // Nothing of this drive is judged or committed: the next run starts where this one did. Done for
                        // this round, so the other nodes do not retry it over and over.
                        await work.Queue.CompleteAsync(lease, null, ct).ConfigureAwait(false);
                        yield return new SourceItem("drive:" + drive.DriveId, drive.Label, null, null) { EnumerationError = error, WebUrl = drive.WebUrl };
                        continue;
                    }
                    var scope = drive.DriveId;
                    await foreach (var item in ApplyFeedAsync(drive, () => heartbeat.Lost(scope), ct).ConfigureAwait(false)) yield return item;
                    // A lost lease: another node resumes the drive from the staged feed and commits it.
                    if (heartbeat.Lost(scope)) continue;
                    var held = lease;
                    Run.EndScope(scope, () =>
                    {
                        // Fenced: committed only while the lease holds; runs on the report stage, once per drive.
                        work.Queue.CompleteAsync(held, () => cursors.CommitDelta(scope), CancellationToken.None).GetAwaiter().GetResult();
                        completed.Release();
                    });
                }
            }
        }
        finally
        {
            await heartbeat.DisposeAsync().ConfigureAwait(false);
            await LeaveAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Releases what this node still holds (a stop before the end), so others need not wait for expiry.</summary>
    private async Task LeaveAsync()
    {
        try
        {
            await work.Nodes.LeaveAsync(work.Node, NodeCounters.From(Counters), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The leases run out on their own; a clean stop must not fail on a lost database connection.
        }
    }

    public async Task<Stream> OpenReadAsync(SourceItem item, CancellationToken ct)
    {
        var sep = item.Id.IndexOf('/', StringComparison.Ordinal);
        if (sep <= 0) throw new ArgumentException("inte ett Graph-objekt: " + item.Id, nameof(item));
        var driveId = item.Id[..sep];
        var itemId = item.Id[(sep + 1)..];
        void Gone()
        {
            if (Run.Find(item.Id) is { } t) t.Gone = true;
        }

        var session = new DownloadSession(graph, driveId, itemId, new RetryBudget(graph.Options.Retry.ItemRetryBudget));
        HttpResponseMessage first;
        try
        {
            first = await session.OpenAtAsync(0, ct).ConfigureAwait(false);
        }
        catch (ItemGoneException)
        {
            Gone();
            throw;
        }
        return new ResumableDownloadStream(session, first, item.Size, graph.Options, Gone);
    }

    /// <summary>Phase two: apply the staged feed to the state and hand on the files that need a verdict.</summary>
    /// <param name="lost">True once another node has taken the drive over: stop handing out its files.</param>
    private async IAsyncEnumerable<SourceItem> ApplyFeedAsync(DriveTarget drive, Func<bool> lost, [EnumeratorCancellation] CancellationToken ct)
    {
        var scope = drive.DriveId;
        var paths = new FolderPaths(tree, scope);

        // Structure first, so every file's folder is known. Parents normally precede children; a folder whose
        // parent comes later in the feed waits for another pass.
        var waiting = new List<FeedEntry>();
        long after = 0;
        for (var batch = feed.ReadFeed(scope, StructureKinds, after, BatchSize); batch.Count > 0; batch = feed.ReadFeed(scope, StructureKinds, after, BatchSize))
        {
            ct.ThrowIfCancellationRequested();
            foreach (var e in batch)
            {
                after = e.Seq;
                if (!ApplyStructure(e, paths, orphanOk: false)) waiting.Add(e);
            }
        }
        while (waiting.Count > 0)
        {
            var before = waiting.Count;
            waiting.RemoveAll(e => ApplyStructure(e, paths, orphanOk: false));
            if (waiting.Count == before)
            {
                foreach (var e in waiting) ApplyStructure(e, paths, orphanOk: true);
                break;
            }
        }

        var handedOut = new HashSet<string>(StringComparer.Ordinal); // source item ids
        after = 0;
        for (var batch = feed.ReadFeed(scope, FileKinds, after, BatchSize); batch.Count > 0; batch = feed.ReadFeed(scope, FileKinds, after, BatchSize))
        {
            // One page of listings, one state lookup: the filter marks what is unchanged and tracks the rest.
            var page = new List<(SourceItem, TrackedItem)>(batch.Count);
            foreach (var e in batch)
            {
                ct.ThrowIfCancellationRequested();
                after = e.Seq;
                if (List(drive, e, paths) is { } listed) page.Add(listed);
            }
            foreach (var item in await filter.FilterAsync(page, contentHash: null, ct).ConfigureAwait(false))
            {
                // Checked per file, not per page: a page's tracked files that are not handed out are ended with the run.
                if (lost()) yield break;
                handedOut.Add(item.Id);
                yield return item;
            }
            await Task.Yield();
        }

        // Files whose download failed last time are tried again even if the feed does not mention them.
        var retries = new List<(SourceItem, TrackedItem)>();
        foreach (var r in filter.RetryItems(scope))
        {
            if (!handedOut.Add(ScopeRecord.SourceItemId(ScopeRecord.GraphDriveKind, scope, r.ItemId))) continue;
            var tracked = new TrackedItem
            {
                Scope = scope,
                ItemId = r.ItemId,
                ParentId = r.ParentId,
                Name = r.Name,
                Path = r.Path,
                WebUrl = r.WebUrl,
                LastModifiedBy = r.LastModifiedBy,
                Fingerprint = r.Fingerprint,
            };
            Counters.AddListed();
            retries.Add((ToSourceItem(drive, tracked, r.Fingerprint), tracked));
            if (retries.Count < BatchSize) continue;
            foreach (var item in await filter.FilterAsync(retries, contentHash: null, ct).ConfigureAwait(false)) yield return item;
            retries.Clear();
        }
        foreach (var item in await filter.FilterAsync(retries, contentHash: null, ct).ConfigureAwait(false)) yield return item;
    }

    private bool ApplyStructure(FeedEntry e, FolderPaths paths, bool orphanOk)
    {
        var scope = paths.Scope;
        switch (e.Kind)
        {
            case FeedEntryKind.Root:
                paths.Get(e.ItemId);
                tree.ApplyNode(scope, e, "", removeEntry: true);
                paths.Applied(e.ItemId, "");
                return true;
            case FeedEntryKind.Folder:
            case FeedEntryKind.Package:
                var path = paths.PathOf(e);
                if (path is null && !orphanOk) return false;
                path ??= e.Name ?? e.ItemId;
                paths.Get(e.ItemId); // remember the old path, so a rename refreshes the cache
                // A notebook's staging row stays: it is also reported (as a review row) in the file pass.
                tree.ApplyNode(scope, e, path, removeEntry: e.Kind == FeedEntryKind.Folder);
                paths.Applied(e.ItemId, path);
                if (e.Kind == FeedEntryKind.Folder) Counters.AddSkipped();
                return true;
            case FeedEntryKind.Deleted:
                Counters.AddDeleted(tree.ApplyDeleted(scope, e.ItemId, "borttagen i OneDrive/SharePoint"));
                paths.Removed();
                return true;
            default:
                feed.RemoveFeedEntry(scope, e.ItemId);
                Counters.AddSkipped();
                return true;
        }
    }

    /// <summary>A file (or notebook) of the feed as the filter sees it, or null when it is part of a notebook.</summary>
    private (SourceItem, TrackedItem)? List(DriveTarget drive, FeedEntry e, FolderPaths paths)
    {
        var scope = drive.DriveId;
        if (paths.InPackage(e.ParentId))
        {
            feed.RemoveFeedEntry(scope, e.ItemId); // a notebook section: covered by the notebook's row
            Counters.AddSkipped();
            return null;
        }
        var listing = new TrackedItem
        {
            Scope = scope,
            ItemId = e.ItemId,
            ParentId = e.ParentId,
            Name = e.Name,
            Path = paths.PathOf(e) ?? e.Name ?? e.ItemId,
            WebUrl = e.WebUrl,
            LastModifiedBy = e.LastModifiedBy,
            Fingerprint = e.Fingerprint,
            FromFeed = true,
            RetryOnError = e.Kind == FeedEntryKind.File,
        };
        Counters.AddListed();
        var item = ToSourceItem(drive, listing, e.Fingerprint);
        if (e.Kind == FeedEntryKind.Package) item = item with { EnumerationError = NotebookSkipped, Size = null };
        return (item, listing);
    }

    private static SourceItem ToSourceItem(DriveTarget drive, TrackedItem t, ItemFingerprint fp) =>
        new(ScopeRecord.SourceItemId(ScopeRecord.GraphDriveKind, drive.DriveId, t.ItemId), drive.Label + "/" + t.Path, fp.Size, fp.LastModified)
        {
            WebUrl = t.WebUrl,
            LastModifiedBy = t.LastModifiedBy,
        };
}
