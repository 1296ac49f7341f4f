using System.Runtime.CompilerServices;
using ClassScan.Core.Scanning;

namespace ClassScan.Cli;

/// <summary>Several sources scanned as one, in order (several folders, or one corpus repeated for a benchmark).</summary>
internal sealed class ConcatenatedSource(IReadOnlyList<IDocumentSource> sources) : IDocumentSource
{
    public async IAsyncEnumerable<SourceItem> EnumerateAsync([EnumeratorCancellation] CancellationToken ct)
    {
        for (var i = 0; i < sources.Count; i++)
        {
            await foreach (var item in sources[i].EnumerateAsync(ct).ConfigureAwait(false))
                yield return item with { Id = $"{i}\u001f{item.Id}" };
        }
    }

    public Task<Stream> OpenReadAsync(SourceItem item, CancellationToken ct)
    {
        var sep = item.Id.IndexOf('\u001f', StringComparison.Ordinal);
        var index = int.Parse(item.Id.AsSpan(0, sep), System.Globalization.CultureInfo.InvariantCulture);
        return sources[index].OpenReadAsync(item with { Id = item.Id[(sep + 1)..] }, ct);
    }
}
