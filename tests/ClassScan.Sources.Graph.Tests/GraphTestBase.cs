using ClassScan.Sources.Graph.Tests.Fakes;

namespace ClassScan.Sources.Graph.Tests;

/// <summary>A fake Graph server and a temp folder per test.</summary>
public abstract class GraphTestBase : IAsyncLifetime
{
    private protected FakeGraphServer Server { get; private set; } = null!;
    protected DirectoryInfo Work { get; } = Directory.CreateTempSubdirectory("classscan-graph-");
    protected string OutDir => Path.Combine(Work.FullName, "out");

    public async Task InitializeAsync() => Server = await FakeGraphServer.StartAsync();

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        try { Work.Delete(recursive: true); } catch (IOException) { }
    }

    private protected static string Text(int i, bool flagged) => $"Dokument nummer {i}." + (flagged ? " Elevlista med PNR." : " Inget känsligt.");

    private protected static GraphScanTargets Drive(string id) => new() { Drives = [id] };
}
