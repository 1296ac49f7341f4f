using ClassScan.Core.Documents;
using ClassScan.Extraction;

namespace ClassScan.Extraction.Tests;

/// <summary>Runs extractors on in-memory files the way the pipeline does (selector on name + head, then extract).</summary>
internal static class ExtractionHelper
{
    /// <summary>The extractor's result for the bytes.</summary>
    public static ExtractionResult Result(ITextExtractor extractor, byte[] content, ExtractionLimits? limits = null, CancellationToken ct = default)
    {
        using var stream = new MemoryStream(content, writable: false);
        return extractor.Extract(stream, limits ?? ExtractionLimits.Default, ct);
    }

    /// <summary>The whole text; fails the test for any other result.</summary>
    public static ExtractedText Run(ITextExtractor extractor, byte[] content, ExtractionLimits? limits = null, CancellationToken ct = default) =>
        WholeText(Result(extractor, content, limits, ct));

    public static ITextExtractor? Select(string fileName, byte[] content) =>
        ExtractorSelector.Default.Select(fileName, content.AsSpan(0, Math.Min(content.Length, IExtractorSelector.HeadBytes)));

    /// <summary>Selects by name and content, fails if unsupported, then extracts.</summary>
    public static ExtractionResult SelectAndResult(string fileName, byte[] content, ExtractionLimits? limits = null)
    {
        var extractor = Select(fileName, content) ?? throw new Xunit.Sdk.XunitException($"no extractor for {fileName}");
        return Result(extractor, content, limits);
    }

    /// <summary>Selects by name and content, fails if unsupported, then extracts the whole text.</summary>
    public static ExtractedText SelectAndRun(string fileName, byte[] content, ExtractionLimits? limits = null) =>
        WholeText(SelectAndResult(fileName, content, limits));

    /// <summary>The text of a <see cref="ExtractionResult.Text"/>; fails the test for any other result.</summary>
    public static ExtractedText WholeText(ExtractionResult result) =>
        result is ExtractionResult.Text(var text) ? text : throw new Xunit.Sdk.XunitException($"expected the whole text, got {result}");

    public static string AllText(this ExtractedText text) => string.Join("\n", text.Segments.Select(s => s.Text));

    public static IEnumerable<TextSegment> OfKind(this ExtractedText text, SegmentKind kind) => text.Segments.Where(s => s.Kind == kind);
}
