namespace ClassScan.State.Work;

/// <summary>A unit held by a node, until when.</summary>
public sealed record LeaseStatus(string UnitId, string? Label, DateTimeOffset Expires);
