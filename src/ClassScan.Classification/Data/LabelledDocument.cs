namespace ClassScan.Classification.Data;

/// <summary>One row of a labels file.</summary>
/// <param name="File">Path relative to the corpus folder, e.g. "train/doc_0007.docx".</param>
/// <param name="Split">"train", "test" or empty when the file has no split column.</param>
/// <param name="Level">The accepted level(s).</param>
/// <param name="DocType">Optional document type (e.g. "handwritten"), for reports per group.</param>
internal sealed record LabelledDocument(string File, string Split, LevelLabel Level, string? DocType)
{
    /// <summary>The family for cross-validation (<see cref="LabelsCsv.Family"/>); the file itself when unknown.</summary>
    public string Family { get; init; } = "file:" + File;
}
