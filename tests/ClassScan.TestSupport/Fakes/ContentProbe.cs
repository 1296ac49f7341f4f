using System.Collections.Concurrent;
using System.Text;
using ClassScan.Core.Documents;

namespace ClassScan.TestSupport.Fakes;

/// <summary>
/// A selector and extractor that records what the fetch stage handed on: the head it sniffed and the content
/// (path or bytes). Like a worker, it reads a file that comes with a path from the path, not from the stream.
/// </summary>
public sealed class ContentProbe : ITextExtractor, IExtractorSelector
{
    public ConcurrentDictionary<string, int> Heads { get; } = new();
    public ConcurrentDictionary<string, string?> Paths { get; } = new();
    public ConcurrentDictionary<string, int> Selections { get; } = new();

    public string Name => "probe";

    public ITextExtractor? Select(string fileName, ReadOnlySpan<byte> head)
    {
        Heads[fileName] = head.Length;
        Selections.AddOrUpdate(fileName, 1, (_, n) => n + 1);
        return this;
    }

    public ExtractionResult Extract(DocumentContent content, ExtractionLimits limits, CancellationToken ct)
    {
        string text;
        if (content.LocalPath is { } path)
        {
            Paths[Path.GetFileName(path)] = path;
            text = File.ReadAllText(path);
        }
        else
        {
            text = new StreamReader(content.Stream, Encoding.UTF8).ReadToEnd();
        }
        return new ExtractionResult.Text(new ExtractedText([new TextSegment(SegmentKind.Body, "brödtext", text)]));
    }
}
