namespace ClassScan.TestSupport;

/// <summary>
/// A disk that fails on cue, for <c>ReportBatch</c>'s file factory: every file it opens is a real file, but all of
/// them share <paramref name="freeBytes"/>, and a write past it stores what fits and then throws the IOException
/// .NET throws on Linux for ENOSPC (HResult 28, "No space left on device : 'path'"). After
/// <paramref name="opensAllowed"/> opens, opening throws <paramref name="openFailure"/> instead (default: EROFS,
/// a folder remounted read-only). Deterministic on every system, and root cannot write past it (chmod can).
/// Thread-safe enough for the single report writer.
/// </summary>
public sealed class FailingDisk(long freeBytes = long.MaxValue, int opensAllowed = int.MaxValue, Func<string, Exception>? openFailure = null)
{
    public const int Enospc = 28;
    public const int Erofs = 30;

    private long free = freeBytes;
    private int opens;

    /// <summary>Bytes written through this disk so far (what a run needed, when nothing failed).</summary>
    public long Written { get; private set; }

    /// <summary>How many write failures were raised (a test asserts the failure really happened).</summary>
    public int Failures { get; private set; }

    public static IOException NoSpace(string path) => new($"No space left on device : '{path}'", Enospc);

    public static IOException ReadOnly(string path) => new($"Read-only file system : '{path}'", Erofs);

    public Stream Create(string path)
    {
        if (++opens > opensAllowed)
        {
            Failures++;
            throw (openFailure ?? ReadOnly)(path);
        }
        return new LimitedStream(this, new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1), path);
    }

    private sealed class LimitedStream(FailingDisk disk, FileStream inner, string path) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            var fits = (int)Math.Min(buffer.Length, Math.Max(0, disk.free));
            inner.Write(buffer[..fits]);
            disk.free -= fits;
            disk.Written += fits;
            if (fits < buffer.Length)
            {
                disk.Failures++;
                throw NoSpace(path);
            }
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer.AsSpan(offset, count));
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override void WriteByte(byte value) => Write([value]);

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
