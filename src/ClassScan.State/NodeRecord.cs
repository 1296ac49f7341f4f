namespace ClassScan.State;

/// <summary>A folder, drive root or package of a drive, kept so that paths can be built from parent ids.</summary>
public sealed record NodeRecord(string Scope, string NodeId, string? ParentId, string Name, FeedEntryKind Kind, string Path, string? WebUrl);
