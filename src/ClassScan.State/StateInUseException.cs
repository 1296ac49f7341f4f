namespace ClassScan.State;

/// <summary>Another scan holds the state file; two scans writing one state would corrupt the delta bookkeeping.</summary>
public sealed class StateInUseException(string path)
    : Exception($"tillståndsfilen används av en annan skanning: {path}");
