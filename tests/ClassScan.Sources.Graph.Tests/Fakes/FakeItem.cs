namespace ClassScan.Sources.Graph.Tests.Fakes;

/// <summary>A file, folder, root or notebook in a <see cref="FakeDrive"/>.</summary>
internal sealed class FakeItem
{
    public required string Id { get; init; }
    public required string Name { get; set; }
    public string? ParentId { get; set; }
    public bool IsFolder { get; init; }
    public bool IsRoot { get; init; }
    public string? PackageType { get; init; }
    public byte[] Content { get; set; } = [];
    public int ContentVersion { get; set; } = 1;
    public int MetaVersion { get; set; } = 1;
    public DateTimeOffset Modified { get; set; }
    public string ModifiedBy { get; set; } = "Anna Berg";
    public bool Deleted { get; set; }

    public bool IsFile => !IsFolder && !IsRoot && PackageType is null;
}
