namespace ClassScan.State;

/// <summary>What a read-only look at a state file found: its schema version (0 before the first run wrote one) and the items it remembers.</summary>
public sealed record StateSummary(int SchemaVersion, long Items);
