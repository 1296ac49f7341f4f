using ClassScan.Core.Documents;
using ClassScan.Extraction;

namespace ClassScan.Cli.Commands;

/// <summary>Reads a labelled file's text for training and evaluation, through the same (isolated) extractors as a scan.</summary>
internal sealed class CorpusText(IExtractorSelector selector)
{
    public ExtractedText? Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var head = new byte[ExtractorSelector.RecommendedHeadBytes];
        var n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        var extractor = selector.Select(Path.GetFileName(path), head.AsSpan(0, n));
        return extractor?.Extract(stream, ExtractionLimits.Default, CancellationToken.None);
    }
}
