using ClassScan.Core.Scanning;
using FsCheck.Xunit;

namespace ClassScan.Pipeline.Tests.Pipeline;

public sealed class ListedFilesTests
{
    private static SourceItem File(string name, long? size) => new(name, name, size, null);

    private static List<string> Drain(ListedFiles files)
    {
        var names = new List<string>();
        while (files.TryRead(out var item)) names.Add(item.Id);
        return names;
    }

    [Fact]
    public async Task TryRead_ListingRuns_ListingOrder()
    {
        var files = new ListedFiles(16);
        await files.WriteAsync(File("small", 10), CancellationToken.None);
        await files.WriteAsync(File("large", 5_000_000), CancellationToken.None);
        await files.WriteAsync(File("middle", 700), CancellationToken.None);

        Assert.Equal(["small", "large", "middle"], Drain(files));
    }

    [Fact]
    public async Task TryRead_ListingEnded_WaitingFilesLargestFirstEqualSizesInListingOrderUnknownLast()
    {
        var files = new ListedFiles(16);
        foreach (var (name, size) in new (string, long?)[]
                 { ("a", 10), ("unlisted", null), ("b", 5_000_000), ("c", 10), ("empty", 0), ("d", 700), ("e", 5_000_000) })
            await files.WriteAsync(File(name, size), CancellationToken.None);
        Assert.True(files.TryRead(out var first));

        files.Complete();

        Assert.Equal("a", first.Id);
        Assert.Equal(["b", "e", "d", "c", "empty", "unlisted"], Drain(files));
    }

    [Fact]
    public async Task WriteAsync_Full_WaitsUntilAFileIsTaken()
    {
        var files = new ListedFiles(2);
        await files.WriteAsync(File("a", 1), CancellationToken.None);
        await files.WriteAsync(File("b", 2), CancellationToken.None);

        var third = files.WriteAsync(File("c", 3), CancellationToken.None).AsTask();
        await Task.Delay(50);
        Assert.False(third.IsCompleted);

        Assert.True(files.TryRead(out var taken));
        Assert.Equal("a", taken.Id);
        await third.WaitAsync(TimeSpan.FromSeconds(5));
        files.Complete();
        Assert.Equal(["c", "b"], Drain(files));
    }

    [Fact]
    public async Task WaitToReadAsync_ReaderWaitingWhenTheListingEnds_GetsTheWaitingFilesThenFalse()
    {
        var files = new ListedFiles(4);
        var reader = Task.Run(async () =>
        {
            var names = new List<string>();
            while (await files.WaitToReadAsync(CancellationToken.None))
                while (files.TryRead(out var item)) names.Add(item.Id);
            return names;
        });
        await files.WriteAsync(File("a", 1), CancellationToken.None);
        await files.WriteAsync(File("b", 2), CancellationToken.None);

        files.Complete();

        var read = await reader.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(["a", "b"], read.Order());
        Assert.False(await files.WaitToReadAsync(CancellationToken.None));
        await Assert.ThrowsAnyAsync<InvalidOperationException>(() => files.WriteAsync(File("late", 1), CancellationToken.None).AsTask());
    }

    /// <summary>
    /// Any interleaving of listings and takes, then the end of the listing: before it, files come out in listing
    /// order; after it, the ones still waiting come out largest first, the earlier listed among equals; each file once.
    /// </summary>
    [Property(MaxTest = 300)]
    public void TryRead_AnyInterleaving_ListingOrderThenLargestFirst(byte[] sizes, bool[] takes)
    {
        sizes ??= [];
        takes ??= [];
        var files = new ListedFiles(Math.Max(1, sizes.Length));
        var waiting = new List<int>();
        var taken = new List<string>();
        var next = 0;
        foreach (var take in takes)
        {
            if (!take && next < sizes.Length)
            {
                Assert.True(files.WriteAsync(File(next.ToString(), sizes[next]), CancellationToken.None).IsCompletedSuccessfully);
                waiting.Add(next++);
            }
            else if (waiting.Count > 0)
            {
                Assert.True(files.TryRead(out var item));
                Assert.Equal(waiting[0].ToString(), item.Id);
                waiting.RemoveAt(0);
                taken.Add(item.Id);
            }
        }
        for (; next < sizes.Length; next++)
        {
            Assert.True(files.WriteAsync(File(next.ToString(), sizes[next]), CancellationToken.None).IsCompletedSuccessfully);
            waiting.Add(next);
        }

        files.Complete();

        var tail = Drain(files);
        Assert.Equal(waiting.OrderByDescending(i => sizes[i]).ThenBy(i => i).Select(i => i.ToString()), tail);
        Assert.Equal(Enumerable.Range(0, sizes.Length).Select(i => i.ToString()).Order(), taken.Concat(tail).Order());
    }
}
