using System.Runtime.CompilerServices;
using ClassScan.Core.Scanning;
using ClassScan.TestSupport.Fakes;

namespace ClassScan.Pipeline.Tests.Pipeline;

/// <summary>
/// A source whose stream finds at its end that the bytes disagree with the source's checksum
/// (<see cref="ContentMismatchException"/>, Graph's quickXorHash): the file is opened once more; a second mismatch
/// is an error row that says so, never a clean verdict on bytes nobody vouches for.
/// </summary>
public sealed class ContentMismatchRetryTests
{
    [Theory]
    [InlineData(0, ScanStatus.Ok, 1)]
    [InlineData(1, ScanStatus.Ok, 2)]
    [InlineData(2, ScanStatus.Error, 2)]
    [InlineData(5, ScanStatus.Error, 2)]
    public async Task RunAsync_StreamEndsInMismatch_OpenedOnceMoreThenAnError(int badOpens, ScanStatus expected, int expectedOpens)
    {
        var source = new MismatchingSource("a.txt", "Elevlista med PNR.", badOpens);
        var progress = new ScanProgress();
        var analyzer = new DocumentAnalyzer(new ScriptedExtractor(), [new KeywordDetector()], new ClassScan.Policy.KlassaRuleEngine(), progress);
        var pipeline = new ScanPipeline(source, analyzer, new ScanOptions { Parallelism = 1, FetchParallelism = 1 }, TimeProvider.System, progress);
        var sink = new CollectingSink();

        await pipeline.RunAsync(sink, CancellationToken.None);

        var row = Assert.Single(sink.Results);
        Assert.Equal(expected, row.Status);
        Assert.Equal(expectedOpens, source.Opens);
        if (expected == ScanStatus.Error)
        {
            Assert.Equal("kontrollsumman stämmer inte efter omförsök", row.StatusDetail);
            Assert.False(row.MustLeave);
        }
        else
        {
            Assert.True(row.MustLeave);
        }
    }

    private sealed class MismatchingSource(string name, string content, int badOpens) : IDocumentSource
    {
        private readonly byte[] bytes = System.Text.Encoding.UTF8.GetBytes(content);

        public int Opens { get; private set; }

        public async IAsyncEnumerable<SourceItem> EnumerateAsync([EnumeratorCancellation] CancellationToken ct)
        {
            await Task.Yield();
            yield return new SourceItem(name, name, bytes.Length, null);
        }

        public Task<Stream> OpenReadAsync(SourceItem item, CancellationToken ct)
        {
            Opens++;
            return Task.FromResult<Stream>(new EndCheckedStream(bytes, bad: Opens <= badOpens));
        }
    }

    /// <summary>Forward-only, like a download; throws at its end when <paramref name="bad"/>.</summary>
    private sealed class EndCheckedStream(byte[] bytes, bool bad) : MemoryStream(bytes, writable: false)
    {
        public override bool CanSeek => false;
        public override long Length => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count) => Checked(base.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Checked(base.Read(buffer));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Checked(await base.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Checked(int n) => n == 0 && bad ? throw new ContentMismatchException("kontrollsumman stämmer inte") : n;
    }
}
