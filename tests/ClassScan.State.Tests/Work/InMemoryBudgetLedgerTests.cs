using ClassScan.State.Work;

namespace ClassScan.State.Tests.Work;

/// <summary>The bucket contract on a single node's memory (every "node" shares the instance).</summary>
public sealed class InMemoryBudgetLedgerTests : BudgetLedgerContract
{
    private InMemoryBudgetLedger? ledger;

    protected override Task<IBudgetLedger> LedgerAsync(BudgetLimits limits) => Task.FromResult<IBudgetLedger>(ledger ??= new InMemoryBudgetLedger(limits));
}
