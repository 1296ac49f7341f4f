namespace ClassScan.Classification.Training;

/// <summary>One labelled set a model was trained on: where, which labels (by hash) and how many documents.</summary>
public sealed record SetMetadata
{
    public required string Name { get; init; }

    /// <summary>The folder and labels file as given to the trainer.</summary>
    public required string Corpus { get; init; }

    public required string Labels { get; init; }

    public required string LabelsSha256 { get; init; }

    /// <summary>Documents trained on per label ("0", "1", "0|1", ...).</summary>
    public required IReadOnlyDictionary<string, int> DocumentsPerLabel { get; init; }

    public int SkippedDocuments { get; init; }
}
