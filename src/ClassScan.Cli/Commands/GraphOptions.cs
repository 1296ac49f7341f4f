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
        Description = "What to scan: local (PATH) or graph (OneDrive/SharePoint via Microsoft Graph; see docs/graph.md).",
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
    };

    public Option<int> Concurrency { get; } = new("--graph-concurrency")
    {
        Description = "Graph: requests in flight at once against the tenant.",
    };

    public Option<string?> Node { get; } = new("--node")
    {
        Description = "Graph: this scan node's name when several share a PostgreSQL state (shown by 'classscan status'). Default: host:pid.",
    };

    public Option<int> Lease { get; } = new("--lease")
    {
        Description = "Graph: seconds a drive stays leased to a node without a heartbeat; a node that dies loses its drives to the others after this.",
    };

    public GraphOptions()
    {
        // The help names each option's setting and the options type's default; the options have no default of
        // their own, so one left out keeps the configured value.
        foreach (var (option, key) in Settings)
            option.Description += $" ({key}){SettingDefaults.Describe(key)}";
    }

    /// <summary>The options that are settings, with their keys (the lists replace Graph:Drives and Graph:Sites when given).</summary>
    public IEnumerable<(Option Option, string Key)> Settings =>
    [
        (Source, "Scan:Source"), (Drive, "Graph:Drives"), (Site, "Graph:Sites"), (AllSites, "Graph:AllSites"), (AllOneDrives, "Graph:AllOneDrives"),
        (BaseUrl, "Graph:BaseUrl"), (TenantId, "Graph:TenantId"), (ClientId, "Graph:ClientId"), (Certificate, "Graph:CertificatePath"),
        (ManagedIdentity, "Graph:ManagedIdentity"), (Organisation, "Graph:Organisation"), (Concurrency, "Graph:Concurrency"),
        (Node, "Graph:Node"), (Lease, "Graph:LeaseSeconds"),
    ];

    public void AddTo(Command command)
    {
        Source.AcceptOnlyFromAmong("local", "graph");
        foreach (var o in new Option[] { Source, Drive, Site, AllSites, AllOneDrives, BaseUrl, TenantId, ClientId, Certificate, ManagedIdentity, Organisation, Concurrency, Node, Lease })
            command.Options.Add(o);
    }

    /// <summary>Adds the Graph options the user typed to the configuration overrides (the command line wins).</summary>
    public CommandLineOverrides AddOverrides(CommandLineOverrides cli) => cli
        .Add(Source, "Scan:Source").Add(AllSites, "Graph:AllSites").Add(AllOneDrives, "Graph:AllOneDrives")
        .Add(BaseUrl, "Graph:BaseUrl").Add(TenantId, "Graph:TenantId").Add(ClientId, "Graph:ClientId")
        .Add(Certificate, "Graph:CertificatePath").Add(ManagedIdentity, "Graph:ManagedIdentity")
        .Add(Organisation, "Graph:Organisation").Add(Concurrency, "Graph:Concurrency")
        .Add(Node, "Graph:Node").Add(Lease, "Graph:LeaseSeconds");

    /// <summary>Repeatable options replace the configured lists when given.</summary>
    public void ApplyLists(GraphSettings graph, CommandLineOverrides cli)
    {
        graph.Drives = cli.List(Drive) ?? graph.Drives;
        graph.Sites = cli.List(Site) ?? graph.Sites;
    }

    /// <summary>Builds the Graph source from the merged settings, or returns a usage error in plain words.</summary>
    /// <param name="work">Drives as leased work units and the tenant's budget (<see cref="WorkComposition"/>); null: one node on its own.</param>
    public static (GraphDriveSource? Source, GraphConnection? Connection, string? Error) Create(GraphSettings graph, ScanRun run, WorkComposition? work = null)
    {
        var targets = new GraphScanTargets
        {
            Drives = graph.Drives ?? [],
            Sites = graph.Sites ?? [],
            AllSites = graph.AllSites,
            AllOneDrives = graph.AllOneDrives,
        };
        if (targets.IsEmpty) return (null, null, "--source graph kräver --drive ID, --site ID-ELLER-URL, --all-sites eller --all-onedrives (eller Graph:Drives, Graph:Sites, Graph:AllSites, Graph:AllOneDrives i konfigurationen)");
        // Graph:BaseUrl and Graph:Concurrency were validated with the rest of the configuration (GraphSettingsValidation).
        var baseUrl = new Uri(graph.BaseUrl, UriKind.Absolute);

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
            Organisation = NonEmpty(graph.Organisation) ?? new GraphSettings().Organisation,
            MaxConcurrency = graph.Concurrency,
            Budget = graph.BudgetLimits(),
        }, auth, run.Counters, budget: work?.Budget);
        return (new GraphDriveSource(connection, targets, run.Store, run.Store, run.Store, new ChangeFilter(run.Store, run),
            work?.Work ?? GraphWork.SingleNode(graph.Priorities)), connection, null);
    }

    private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
