using ClassScan.State.Work;

namespace ClassScan.State.Tests.Work;

/// <summary>The contract on the single-node queue (SQLite state): every "node" shares one instance.</summary>
public sealed class InMemoryWorkQueueTests : WorkQueueContract
{
    private readonly InMemoryWorkQueue queue = new();

    protected override Task<(IWorkQueue Queue, INodeRegistry Nodes)> NodeAsync() => Task.FromResult<(IWorkQueue, INodeRegistry)>((queue, queue));
}
