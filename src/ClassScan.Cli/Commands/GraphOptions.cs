using System.CommandLine;
using ClassScan.Cli.Configuration;
using ClassScan.Sources.Graph;
using ClassScan.State;

namespace ClassScan.Cli.Commands;

/// <summary>
/// The scan options for OneDrive/SharePoint through Microsoft Graph. Each is also a setting of the
/// "Graph" section (Scan:Source for --source), so a scheduled run needs no arguments; the command line wins.
/// Secrets never go on the command line (it shows in process lists) nor in the file: CLASSSCAN_Graph__ClientSecret
/// (or CLASSSCAN_CLIENT_SECRET), CLASSSCAN_Graph__CertificatePassword (or CLASSSCAN_CERTIFICATE_PASSWORD) and
/// CLASSSCAN_GRAPH_TOKEN come from the environment.
/// </summary>
internal sealed class GraphOptions
{
    public const string SecretVariable = "CLASSSCAN_CLIENT_SECRET";
    public const string CertificatePasswordVariable = "CLASSSCAN_CERTIFICATE_PASSWORD";
    public const string TokenVariable = "CLASSSCAN_GRAPH_TOKEN";

    public Option<string> Source { get; } = new("--source")
    {
        Description = "What to scan: local (PATH, default) or graph (OneDrive/SharePoint via Microsoft Graph; see docs/graph.md).",
        DefaultValueFactory = _ => "local",
    };

    public Option<string[]> Drive { get; } = new("--drive")
    {
        Description = "Graph: a drive id to scan (repeatable).",
    };

    public Option<string[]> Site { get; } = new("--site")
    {
        Description = "Graph: a site id or URL (https://contoso.sharepoint.com/sites/skola); its document libraries are scanned (repeatable).",
    };

    public Option<bool> AllSites { get; } = new("--all-sites")
    {
        Description = "Graph: every SharePoint site's document libraries (needs Sites.Read.All).",
    };

    public Option<bool> AllOneDrives { get; } = new("--all-onedrives")
    {
        Description = "Graph: every user's OneDrive (needs Files.Read.All and User.Read.All).",
    };

    public Option<string> BaseUrl { get; } = new("--graph-base-url")
    {
        Description = "Graph root with version (national clouds, test servers).",
        DefaultValueFactory = _ => GraphConnectionOptions.DefaultBaseUrl,
    };

    public Option<string?> TenantId { get; } = new("--tenant-id") { Description = "Graph: Entra ID tenant (directory) id of the app registration." };

    public Option<string?> ClientId { get; } = new("--client-id")
    {
        Description = $"Graph: the app registration's client id (with --certificate or {SecretVariable}), or a user-assigned managed identity's.",
    };

    public Option<string?> Certificate { get; } = new("--certificate")
    {
        Description = $"Graph: PFX or PEM file with the app's certificate and key (password in {CertificatePasswordVariable}).",
    };

    public Option<bool> ManagedIdentity { get; } = new("--managed-identity")
    {
        Description = "Graph: sign in as the machine's managed identity (Azure VM, Arc).",
    };

    public Option<string> Organisation { get; } = new("--organisation", "--organization")
    {
        Description = "Graph: your organisation's name for the User-Agent (NONISV|name|ClassScan/version), as Microsoft asks.",
        DefaultValueFactory = _ => "Unspecified",
    };

    public Option<int> Concurrency { get; } = new("--graph-concurrency")
    {
        Description = "Graph: requests in flight at once against the tenant.",
        DefaultValueFactory = _ => 4,
    };

    public void AddTo(Command command)
    {
        Source.AcceptOnlyFromAmong("local", "graph");
        foreach (var o in new Option[] { Source, Drive, Site, AllSites, AllOneDrives, BaseUrl, TenantId, ClientId, Certificate, ManagedIdentity, Organisation, Concurrency })
            command.Options.Add(o);
    }

    /// <summary>Adds the Graph options the user typed to the configuration overrides (the command line wins).</summary>
    public CommandLineOverrides AddOverrides(CommandLineOverrides cli) => cli
        .Add(Source, "Scan:Source").Add(AllSites, "Graph:AllSites").Add(AllOneDrives, "Graph:AllOneDrives")
        .Add(BaseUrl, "Graph:BaseUrl").Add(TenantId, "Graph:TenantId").Add(ClientId, "Graph:ClientId")
        .Add(Certificate, "Graph:CertificatePath").Add(ManagedIdentity, "Graph:ManagedIdentity")
        .Add(Organisation, "Graph:Organisation").Add(Concurrency, "Graph:Concurrency");

    /// <summary>Repeatable options replace the configured lists when given.</summary>
    public void ApplyLists(GraphSettings graph, CommandLineOverrides cli)
    {
        graph.Drives = cli.List(Drive) ?? graph.Drives;
        graph.Sites = cli.List(Site) ?? graph.Sites;
    }

    /// <summary>Builds the Graph source from the merged settings, or returns a usage error in plain words.</summary>
    public static (GraphDriveSource? Source, GraphConnection? Connection, string? Error) Create(GraphSettings graph, ScanRun run)
    {
        var targets = new GraphScanTargets
        {
            Drives = graph.Drives ?? [],
            Sites = graph.Sites ?? [],
            AllSites = graph.AllSites,
            AllOneDrives = graph.AllOneDrives,
        };
        if (targets.IsEmpty) return (null, null, "--source graph kräver --drive ID, --site ID-ELLER-URL, --all-sites eller --all-onedrives (eller Graph:Drives, Graph:Sites, Graph:AllSites, Graph:AllOneDrives i konfigurationen)");
        if (!Uri.TryCreate(graph.BaseUrl, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("https" or "http"))
            return (null, null, "--graph-base-url måste vara en http(s)-adress, t.ex. " + GraphConnectionOptions.DefaultBaseUrl);
        if (graph.Concurrency < 1) return (null, null, "--graph-concurrency måste vara minst 1");

        GraphAuth auth;
        try
        {
            auth = GraphAuth.Create(new GraphCredentialOptions
            {
                TenantId = graph.TenantId,
                ClientId = graph.ClientId,
                ClientSecret = NonEmpty(graph.ClientSecret) ?? Environment.GetEnvironmentVariable(SecretVariable),
                CertificatePath = NonEmpty(graph.CertificatePath),
                CertificatePassword = NonEmpty(graph.CertificatePassword) ?? Environment.GetEnvironmentVariable(CertificatePasswordVariable),
                ManagedIdentity = graph.ManagedIdentity,
                StaticToken = Environment.GetEnvironmentVariable(TokenVariable),
            }, baseUrl);
        }
        catch (Exception ex) when (ex is ArgumentException or System.Security.Cryptography.CryptographicException or IOException)
        {
            return (null, null, ex.Message);
        }

        var connection = GraphConnection.Create(new GraphConnectionOptions
        {
            BaseUrl = baseUrl,
            Organisation = NonEmpty(graph.Organisation) ?? "Unspecified",
            MaxConcurrency = Math.Max(1, graph.Concurrency),
        }, auth, run.Counters);
        return (new GraphDriveSource(connection, targets, run), connection, null);
    }

    private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
