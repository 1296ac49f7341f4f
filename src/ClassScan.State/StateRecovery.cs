namespace ClassScan.State;

/// <summary>
/// A damaged state file was moved aside and a fresh, empty state created in its place. Every file is then new to
/// the state, so the run reads everything: no verdict is lost, only tonight's run is a full one.
/// </summary>
/// <param name="MovedTo">Where the damaged file now lies (its -wal/-shm companions beside it, same suffix).</param>
/// <param name="Reason">What SQLite said about it (error code or the integrity check's first lines).</param>
public sealed record StateRecovery(string MovedTo, string Reason);
