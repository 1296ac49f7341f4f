using ClassScan.Core.Documents;
using ClassScan.Extraction.Internal;

namespace ClassScan.Extraction.Archive;

/// <summary>
/// Zip, 7z, tar, gzip and .tar.gz/.tgz archives (SharpCompress) read as containers: every entry is handed to the
/// selector like a file of its own (as <see cref="Mail.EmlExtractor"/> does with attachments) and its result kept apart
/// in an <see cref="ExtractionResult.Container"/>, so the judge stage judges each entry alone. Archives inside are
/// walked up to <see cref="ExtractionLimits.MaxNestingDepth"/> and flattened into the same list
/// (<c>inner.zip!/x.docx</c>). See <see cref="ArchiveWalk"/> for the limits. A file that is not a readable archive is
/// <see cref="ExtractionResult.Corrupt"/>; a 7z whose names are encrypted is <see cref="ExtractionResult.Encrypted"/>.
/// Thread-safe; holds only the selector.
/// </summary>
internal sealed class ArchiveExtractor(IExtractorSelector selector) : ITextExtractor
{
    public string Name => "sharpcompress-archive";

    public ExtractionResult Extract(DocumentContent content, ExtractionLimits limits, CancellationToken ct) =>
        ExtractionStop.Run(() =>
        {
            ArgumentNullException.ThrowIfNull(content);
            InputGuard.CheckSize(content.Stream, limits);
            var walk = new ArchiveWalk(selector, limits, ct);
            // The container's own name is known only for a local file; it names the one file inside a gzip.
            var name = content.LocalPath is { } path ? Path.GetFileName(path) : null;
            return (ExtractionResult?)walk.Open(content.Stream, name, depth: 0, prefix: "") ?? walk.Result();
        });
}
