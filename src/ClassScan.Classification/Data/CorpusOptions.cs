using ClassScan.Core.Documents;
using ClassScan.Pipeline;

namespace ClassScan.Classification.Data;

/// <summary>
/// Labelled folders and how to read them: through the scan's own <see cref="DocumentAnalyzer"/>, so that a file is
/// extracted, truncated, identified, detected and judged exactly as a scan would, and a file the scan could not
/// judge is skipped with the scan's status and reason. This project knows no file formats.
/// </summary>
public sealed record CorpusOptions
{
    /// <summary>The labelled sets, read in this order.</summary>
    public required IReadOnlyList<LabelledSet> Sets { get; init; }

    /// <summary>
    /// The scan's analyzer (extractors, detectors, policy). Its verdicts are what evaluation scores; training uses
    /// only the text and findings, so give it the rules-only policy there.
    /// </summary>
    public required DocumentAnalyzer Analyzer { get; init; }

    /// <summary>Ids of the analyzer's detectors, recorded in the model metadata.</summary>
    public IReadOnlyList<string> DetectorIds { get; init; } = [];

    /// <summary>The scan's limits (defaults as in a scan).</summary>
    public ExtractionLimits Limits { get; init; } = ExtractionLimits.Default;

    /// <summary>Only rows whose split column equals this (case-insensitive), e.g. "train"; null takes every row.</summary>
    public string? Split { get; init; }

    /// <summary>How many files are read at once.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;
}
