namespace ClassScan.State.Work;

/// <summary>
/// The ledger's answer to a request for a share: <see cref="Granted"/> units now (0 when empty or paused), and
/// when it is worth asking again (<see cref="RetryAfter"/>: the pause's end, or when enough will have refilled).
/// </summary>
public sealed record BudgetGrant(int Granted, TimeSpan RetryAfter, DateTimeOffset? PausedUntil);
