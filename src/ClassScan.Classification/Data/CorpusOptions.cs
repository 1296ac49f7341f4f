using ClassScan.Core.Documents;
using ClassScan.Core.Findings;

namespace ClassScan.Classification.Data;

/// <summary>
/// A labelled folder of documents and how to read it. The caller supplies text extraction and detectors, so this
/// project knows no file formats.
/// </summary>
public sealed record CorpusOptions
{
    /// <summary>Folder the <c>file</c> column of the labels is relative to.</summary>
    public required string CorpusDirectory { get; init; }

    /// <summary>Labels CSV (columns file, level; optionally split, doctype). See <see cref="LabelsCsv"/>.</summary>
    public required string LabelsPath { get; init; }

    /// <summary>
    /// Absolute path → extracted text, or null when the file cannot be read (it is then skipped and listed).
    /// Called from several threads at once (see <see cref="MaxDegreeOfParallelism"/>); may throw, which skips the file.
    /// </summary>
    public required Func<string, ExtractedText?> TextProvider { get; init; }

    /// <summary>The detectors the scan runs; the model must be trained with the same set it is used with.</summary>
    public required IReadOnlyList<IDetector> Detectors { get; init; }

    /// <summary>Only rows whose split column equals this (case-insensitive), e.g. "train"; null takes every row.</summary>
    public string? Split { get; init; }

    /// <summary>How many files are read at once.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;
}
