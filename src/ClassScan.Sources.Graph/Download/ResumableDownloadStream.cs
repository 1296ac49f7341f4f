using System.Buffers;
using System.Net;
using ClassScan.Core.Scanning;
using ClassScan.Sources.Graph.Http;

namespace ClassScan.Sources.Graph.Download;

/// <summary>
/// A forward-only stream over a download that survives cuts: a reset connection, a body that ends before its
/// length (or before the item's listed size), or a transfer that stalls longer than the idle timeout is
/// resumed from the byte reached with a Range request, after a jittered backoff, while the item's retry
/// budget lasts. The pipeline spools it, so it is read once, front to back.
/// <para>
/// When Graph listed a quickXorHash, the bytes handed out are hashed as they pass (no second pass, nothing kept)
/// and compared at the end of the stream. On a mismatch Graph is asked for the item's current hash: an item
/// edited since it was listed is fine if the bytes match the new hash; otherwise the end of the stream throws
/// <see cref="ContentMismatchException"/>, and the scan downloads the file once more.
/// </para>
/// </summary>
internal sealed class ResumableDownloadStream : Stream
{
    private readonly DownloadSession session;
    private readonly GraphConnectionOptions options;
    private readonly Action onGone;
    private HttpResponseMessage response;
    private Stream? body;
    private long position;
    private long skip;
    private long? expected;
    private int resumes;
    private readonly string? listedHash;
    private readonly QuickXorHash? hash;
    private bool verified;

    public ResumableDownloadStream(DownloadSession session, HttpResponseMessage first, long? listedSize, GraphConnectionOptions options, Action onGone,
        string? listedQuickXorHash = null)
    {
        this.session = session;
        this.options = options;
        this.onGone = onGone;
        response = first;
        expected = TotalLength(first) ?? listedSize;
        listedHash = listedQuickXorHash;
        hash = listedQuickXorHash is null ? null : new QuickXorHash();
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => position; set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            try
            {
                body ??= await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                if (skip > 0) await SkipAsync(cancellationToken).ConfigureAwait(false);
                var n = await ReadWithIdleTimeoutAsync(buffer, cancellationToken).ConfigureAwait(false);
                if (n > 0)
                {
                    hash?.Append(buffer.Span[..n]);
                    position += n;
                    return n;
                }
                if (expected is { } total && position < total)
                    throw new IOException($"överföringen slutade efter {position} av {total} byte");
            }
            catch (Exception ex) when (IsCut(ex) && !cancellationToken.IsCancellationRequested)
            {
                if (!session.Budget.TryTake())
                    throw new IOException($"nedladdningen avbröts och gav upp efter {session.Budget.Used} nya försök: {Core.Privacy.SafeText.Message(ex.Message)}", ex);
                await Task.Delay(Backoff.Delay(options.Retry, resumes++), cancellationToken).ConfigureAwait(false);
                await ReopenAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }
            // The end of the content: outside the try, so a mismatch is not taken for a cut transfer.
            await VerifyAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        }
    }

    private async Task VerifyAsync(CancellationToken ct)
    {
        if (hash is null || verified) return;
        var actual = hash.HashBase64();
        if (!string.Equals(actual, listedHash, StringComparison.Ordinal))
        {
            // Edited after it was listed (a long first scan)? Then the bytes are the new version, and Graph's
            // current hash vouches for them.
            string? current;
            try
            {
                current = await session.CurrentQuickXorHashAsync(ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                current = null; // no word from Graph: the listed hash is all there is
            }
            if (!string.Equals(actual, current, StringComparison.Ordinal))
                throw new ContentMismatchException("innehållet stämmer inte med Graphs quickXorHash");
        }
        verified = true;
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private async Task ReopenAsync(CancellationToken ct)
    {
        DisposeCurrent();
        try
        {
            response = await session.OpenAtAsync(position, ct).ConfigureAwait(false);
        }
        catch (ItemGoneException)
        {
            onGone();
            throw;
        }
        // 206 continues at our offset; a plain 200 starts over, so the bytes already read are skipped.
        var start = response.StatusCode == HttpStatusCode.PartialContent ? response.Content.Headers.ContentRange?.From ?? 0 : 0;
        if (start > position) throw new IOException($"servern fortsatte vid byte {start}, inte {position}");
        skip = position - start;
        expected = TotalLength(response) ?? expected;
    }

    private async Task SkipAsync(CancellationToken ct)
    {
        var scratch = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            while (skip > 0)
            {
                var n = await ReadWithIdleTimeoutAsync(scratch.AsMemory(0, (int)Math.Min(scratch.Length, skip)), ct).ConfigureAwait(false);
                if (n == 0) throw new IOException("överföringen slutade innan den nådde tidigare läst position");
                skip -= n;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    private async Task<int> ReadWithIdleTimeoutAsync(Memory<byte> buffer, CancellationToken ct)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(ct);
        idle.CancelAfter(options.DownloadIdleTimeout);
        try
        {
            return await body!.ReadAsync(buffer, idle.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"ingen data på {options.DownloadIdleTimeout.TotalSeconds:0} s");
        }
    }

    private static bool IsCut(Exception ex) => ex is (IOException and not ContentMismatchException) or HttpRequestException or TimeoutException;

    private static long? TotalLength(HttpResponseMessage r) =>
        r.StatusCode == HttpStatusCode.PartialContent ? r.Content.Headers.ContentRange?.Length : r.Content.Headers.ContentLength;

    private void DisposeCurrent()
    {
        body?.Dispose();
        body = null;
        response.Dispose();
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) DisposeCurrent();
        base.Dispose(disposing);
    }
}
