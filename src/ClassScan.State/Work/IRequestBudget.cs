namespace ClassScan.State.Work;

/// <summary>
/// The tenant's Graph budget as one request sees it: every request takes its cost in resource units first, and
/// a 429 (or 503 with Retry-After) anywhere pauses everyone. Thread-safe; one per node process, shared by all its
/// HTTP chains. <see cref="TakeAsync"/> throws <see cref="OperationCanceledException"/> on cancellation and the
/// engine's exception when a shared budget's database cannot be reached.
/// </summary>
public interface IRequestBudget
{
    /// <summary>Waits until <paramref name="cost"/> units may be spent and no pause is in force, then spends them.</summary>
    ValueTask TakeAsync(int cost, CancellationToken ct);

    /// <summary>Graph said "wait until then": no node takes units before <paramref name="until"/>.</summary>
    ValueTask PauseUntilAsync(DateTimeOffset until, CancellationToken ct);
}
