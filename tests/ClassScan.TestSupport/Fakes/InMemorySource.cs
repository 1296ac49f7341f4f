using System.Runtime.CompilerServices;
using System.Text;
using ClassScan.Core.Scanning;

namespace ClassScan.TestSupport.Fakes;

/// <summary>A source over named in-memory documents; counts opens so tests can assert what was read.</summary>
public sealed class InMemorySource(IEnumerable<(string Name, string Content)> files, bool nonSeekable = false) : IDocumentSource
{
    private readonly List<(string Name, byte[] Bytes)> files = files.Select(f => (f.Name, Encoding.UTF8.GetBytes(f.Content))).ToList();
    private int opens;

    public int Opens => opens;
    public List<SourceItem> Extra { get; } = [];
    public Exception? ThrowAfterListing { get; init; }

    public async IAsyncEnumerable<SourceItem> EnumerateAsync([EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var (name, bytes) in files)
        {
            ct.ThrowIfCancellationRequested();
            yield return new SourceItem(name, name, bytes.Length, null);
            await Task.Yield();
        }
        foreach (var e in Extra) yield return e;
        if (ThrowAfterListing is not null) throw ThrowAfterListing;
    }

    /// <summary>Names whose open blocks the calling thread (like open() on a named pipe) until <see cref="Unblock"/> is set.</summary>
    public HashSet<string> BlockingOpens { get; } = [];
    public ManualResetEventSlim Unblock { get; } = new();

    public Task<Stream> OpenReadAsync(SourceItem item, CancellationToken ct)
    {
        Interlocked.Increment(ref opens);
        if (BlockingOpens.Contains(item.Id)) Unblock.Wait(CancellationToken.None);
        var bytes = files.First(f => f.Name == item.Id).Bytes;
        Stream s = nonSeekable ? new NonSeekableStream(bytes) : new MemoryStream(bytes, writable: false);
        return Task.FromResult(s);
    }

    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes, writable: false)
    {
        public override bool CanSeek => false;
        public override long Length => throw new NotSupportedException();
    }
}
