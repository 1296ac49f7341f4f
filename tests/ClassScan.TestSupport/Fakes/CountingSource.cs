using ClassScan.Core.Scanning;

namespace ClassScan.TestSupport.Fakes;

/// <summary>
/// Wraps a source and counts, per item, how often it was opened and how many bytes were read from what it returned:
/// how a test sees how often the scanner itself reads a file.
/// </summary>
public sealed class CountingSource(IDocumentSource inner) : IDocumentSource
{
    private readonly Dictionary<string, (int Opens, long Bytes)> counts = [];

    public (int Opens, long Bytes) Of(string id)
    {
        lock (counts) return counts.GetValueOrDefault(id);
    }

    public IAsyncEnumerable<SourceItem> EnumerateAsync(CancellationToken ct) => inner.EnumerateAsync(ct);

    public async Task<Stream> OpenReadAsync(SourceItem item, CancellationToken ct)
    {
        var stream = await inner.OpenReadAsync(item, ct).ConfigureAwait(false);
        Add(item.Id, 1, 0);
        return new CountingStream(stream, n => Add(item.Id, 0, n));
    }

    private void Add(string id, int opens, long bytes)
    {
        lock (counts)
        {
            var (o, b) = counts.GetValueOrDefault(id);
            counts[id] = (o + opens, b + bytes);
        }
    }

    /// <summary>Seekable when the inner stream is; counts the bytes each read returns.</summary>
    private sealed class CountingStream(Stream inner, Action<long> onRead) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => inner.CanSeek;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => inner.Position = value; }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Count(int n)
        {
            onRead(n);
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
