namespace ClassScan.Core.Scanning;

/// <summary>
/// One file as a source lists it. Carries metadata only, never content.
/// </summary>
/// <param name="Id">Key unique within the source (a full path, a Graph drive/item id).</param>
/// <param name="Path">The path shown to people in reports.</param>
/// <param name="Size">Size in bytes when the source knows it.</param>
/// <param name="LastModified">Last modification time when known.</param>
public sealed record SourceItem(string Id, string Path, long? Size, DateTimeOffset? LastModified)
{
    /// <summary>File name with extension, used to pick an extractor.</summary>
    public string Name => System.IO.Path.GetFileName(Path);

    /// <summary>Link a reviewer can open (SharePoint/OneDrive web URL); null for local files.</summary>
    public string? WebUrl { get; init; }

    /// <summary>
    /// The full path of a local file holding the item's bytes, set by a source that reads local files: an extraction
    /// worker process may then open a large file itself instead of getting its bytes through a pipe. Null for
    /// downloads.
    /// </summary>
    public string? LocalPath { get; init; }

    /// <summary>Who last changed the file, when the source knows.</summary>
    public string? LastModifiedBy { get; init; }

    /// <summary>The file's id in the reports (<see cref="Privacy.ReportIdentity"/>), set on the way to the reports,
    /// where the path may be masked; null before that.</summary>
    public string? ReportId { get; init; }

    /// <summary>Set when the source saw the entry but could not list it properly (permission denied,
    /// broken link); the file becomes an error row instead of being dropped.</summary>
    public string? EnumerationError { get; init; }

    /// <summary>The status of the row when <see cref="EnumerationError"/> is set: <see cref="ScanStatus.Error"/>
    /// for a listing failure, <see cref="ScanStatus.Unsupported"/> for an entry the source recognised as
    /// something it does not read (a named pipe or device, which must never be opened).</summary>
    public ScanStatus EnumerationStatus { get; init; } = ScanStatus.Error;
}
