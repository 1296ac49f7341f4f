using System.Threading.Channels;
using ClassScan.Core.Scanning;

namespace ClassScan.Pipeline;

/// <summary>
/// The listed files not yet fetched: in listing order while the listing runs, and largest first once it has ended.
/// A scan ends with its last file. When a 600-page report or a large workbook is among the last ones listed, one core
/// works through it alone while the other has nothing left to do. So the files still waiting when the listing ends
/// (at most <c>capacity</c>) are handed out largest first (longest-processing-time-first scheduling, with the size
/// as the estimate of the work), and the small ones fill the gaps at the end.
/// <para>
/// Only that last window is reordered: before it, any order keeps the cores busy. The price is memory: the heaviest
/// files of that window are now in flight together, where listing order left their meeting to chance, so a scan's
/// peak is that of its heaviest files side by side (four copies of the test corpus: +30-80 MB of 750-830 MB).
/// </para>
/// <para>
/// Bounded: the lister waits while <c>capacity</c> files are waiting, so memory does not grow with the folder.
/// Files of equal size keep the listing's order; files of unknown size (an entry that could not be listed) go after
/// the others. One writer, any number of readers.
/// </para>
/// </summary>
internal sealed class ListedFiles
{
    private readonly Channel<SourceItem> listing;
    private Queue<SourceItem>? tail;

    public ListedFiles(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        listing = Channel.CreateBounded<SourceItem>(new BoundedChannelOptions(capacity)
        { FullMode = BoundedChannelFullMode.Wait, SingleWriter = true });
    }

    /// <summary>Adds a listed file, waiting while <c>capacity</c> files are waiting.</summary>
    public ValueTask WriteAsync(SourceItem item, CancellationToken ct) => listing.Writer.WriteAsync(item, ct);

    /// <summary>
    /// The listing has ended (or stopped): what is still waiting is handed out largest first from now on. Called once,
    /// by the writer.
    /// </summary>
    public void Complete()
    {
        var waiting = new List<SourceItem>();
        while (listing.Reader.TryRead(out var item)) waiting.Add(item);
        // OrderByDescending is stable: equal sizes stay in listing order.
        var largestFirst = new Queue<SourceItem>(waiting.OrderByDescending(item => item.Size ?? -1));
        lock (listing) tail = largestFirst;
        listing.Writer.TryComplete();
    }

    /// <summary>True when a file is waiting or may still be listed; false once the listing has ended and every file was taken.</summary>
    public async ValueTask<bool> WaitToReadAsync(CancellationToken ct)
    {
        if (await listing.Reader.WaitToReadAsync(ct).ConfigureAwait(false)) return true;
        lock (listing) return tail is { Count: > 0 };
    }

    /// <summary>Takes the next file, if one is waiting.</summary>
    public bool TryRead(out SourceItem item)
    {
        if (listing.Reader.TryRead(out item!)) return true;
        lock (listing) return tail is not null && tail.TryDequeue(out item!);
    }
}
