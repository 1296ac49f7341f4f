using ClassScan.Core.Documents;

namespace ClassScan.Pipeline;

/// <summary>What the extract stage hands the judge stage for one file: the result, and the extractor that gave it.</summary>
/// <param name="Extractor">The extractor's name (<see cref="ITextExtractor.Name"/>); null when none ran (unsupported format, the file never opened, a time limit).</param>
/// <param name="Result">The file's text, or why it has none.</param>
internal sealed record DocumentExtraction(string? Extractor, ExtractionResult Result);
