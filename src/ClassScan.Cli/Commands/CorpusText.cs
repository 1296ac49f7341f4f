using ClassScan.Core.Documents;
using ClassScan.Core.Language;
using ClassScan.Extraction;

namespace ClassScan.Cli.Commands;

/// <summary>
/// Reads a labelled file's text for training and evaluation, through the same (isolated) extractors as a scan, and
/// tags its languages as the scan's judge stage does, so detectors see the same text.
/// </summary>
internal sealed class CorpusText(IExtractorSelector selector, ILanguageIdentifier? languages = null)
{
    public ExtractedText? Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var head = new byte[ExtractorSelector.RecommendedHeadBytes];
        var n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        var extractor = selector.Select(Path.GetFileName(path), head.AsSpan(0, n));
        var text = extractor?.Extract(stream, ExtractionLimits.Default, CancellationToken.None);
        return text is not null && languages is not null ? text.WithLanguages(languages.Identify(text)) : text;
    }
}
