namespace ClassScan.State;

/// <summary>A file as <c>classscan show</c> prints it: where it really is (the reports mask identity numbers in
/// names) and its last verdict.</summary>
public sealed record ReportedItem(string ReportId, string Scope, string Path, string? WebUrl)
{
    public string? Status { get; init; }
    public int? Level { get; init; }
    public string? Reason { get; init; }
    public DateTimeOffset? JudgedAt { get; init; }
    public bool Deleted { get; init; }
}
