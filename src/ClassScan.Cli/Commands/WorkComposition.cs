using ClassScan.Cli.Configuration;
using ClassScan.Sources.Graph;
using ClassScan.State.Postgres.Work;
using ClassScan.State.Work;

namespace ClassScan.Cli.Commands;

/// <summary>
/// How a Graph scan shares work and budget, as the command composes it: with a PostgreSQL state, the drives are
/// leased from the shared queue and every request takes from the tenant's shared token bucket (so N nodes together
/// keep to one budget, and a 429 anywhere pauses all); with a SQLite state (one node) both live in memory. The
/// budget's limits come from the settings either way; on PostgreSQL the last node to start sets them for all.
/// </summary>
internal sealed class WorkComposition : IDisposable
{
    private readonly IDisposable? owned;

    private WorkComposition(GraphWork work, IRequestBudget budget, IDisposable? owned)
    {
        Work = work;
        Budget = budget;
        this.owned = owned;
    }

    public GraphWork Work { get; }
    public IRequestBudget Budget { get; }

    public static async Task<WorkComposition> CreateAsync(GraphSettings graph, StateLocation? location, CancellationToken ct)
    {
        var limits = graph.BudgetLimits();
        var node = string.IsNullOrWhiteSpace(graph.Node) ? GraphWork.DefaultNodeName : graph.Node.Trim();
        var lease = TimeSpan.FromSeconds(graph.LeaseSeconds);
        if (location?.ConnectionString is { } cs)
        {
            var shared = PostgresDistribution.Open(cs);
            try
            {
                await shared.Ledger.ConfigureAsync(limits, ct).ConfigureAwait(false);
                var work = new GraphWork(shared.Queue, shared.Nodes, node) { Lease = lease, Priorities = graph.Priorities };
                return new WorkComposition(work, new SharedRequestBudget(shared.Ledger, limits), shared);
            }
            catch
            {
                shared.Dispose();
                throw;
            }
        }
        var single = GraphWork.SingleNode(graph.Priorities) with { Node = node, Lease = lease };
        return new WorkComposition(single, new SharedRequestBudget(new InMemoryBudgetLedger(limits), limits), null);
    }

    public void Dispose() => owned?.Dispose();
}
