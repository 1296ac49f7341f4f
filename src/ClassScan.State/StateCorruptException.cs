namespace ClassScan.State;

/// <summary>The state file is not a readable SQLite database (bad header, damaged pages); it can be rebuilt by a full scan.</summary>
public sealed class StateCorruptException(string path, string reason, Exception? inner = null)
    : Exception($"tillståndsfilen {path} är skadad: {reason}", inner)
{
    public string Reason { get; } = reason;
}
