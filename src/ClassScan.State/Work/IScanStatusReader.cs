namespace ClassScan.State.Work;

/// <summary>
/// Reads the scan's progress from a state without disturbing a scan that runs on it (read only, no lock taken).
/// Owned by the status command, used once; throws the engine's exception when the state cannot be read.
/// </summary>
public interface IScanStatusReader
{
    /// <summary>Nodes, leases, units and items, with verdicts counted over the last <paramref name="window"/>.</summary>
    Task<ScanStatus> ReadAsync(TimeSpan window, CancellationToken ct);
}
