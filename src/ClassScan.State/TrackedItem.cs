namespace ClassScan.State;

/// <summary>
/// A file a stateful source handed to the pipeline, waiting for its verdict. Holds what the state will
/// record with the verdict. <see cref="Sha256"/> and <see cref="Gone"/> are set by the source while the
/// file is read (fetch stage) and read by the report stage afterwards; the channel between them orders it.
/// </summary>
public sealed record TrackedItem : StateItem
{
    /// <summary>The item came from a staged delta feed; its staging row goes once it is judged.</summary>
    public bool FromFeed { get; init; }

    /// <summary>A failed fetch is tried again next run. False for deliberate skips (OneNote notebooks).</summary>
    public bool RetryOnError { get; init; } = true;

    /// <summary>SHA-256 of the content as read, when the source computed it.</summary>
    public string? Sha256 { get; set; }

    /// <summary>The source found the item gone when it tried to read it (404): record it as deleted.</summary>
    public bool Gone { get; set; }
}
