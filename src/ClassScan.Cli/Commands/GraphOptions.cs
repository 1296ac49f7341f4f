using System.CommandLine;
using ClassScan.Sources.Graph;
using ClassScan.State;

namespace ClassScan.Cli.Commands;

/// <summary>
/// The scan options for OneDrive/SharePoint through Microsoft Graph (issue 6). Secrets never go on the command
/// line (it shows in process lists): CLASSSCAN_CLIENT_SECRET, CLASSSCAN_CERTIFICATE_PASSWORD and
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

    public bool IsGraph(ParseResult parse) => parse.GetValue(Source) == "graph";

    public int ConcurrencyOf(ParseResult parse) => Math.Max(1, parse.GetValue(Concurrency));

    /// <summary>Builds the Graph source, or returns a usage error in plain words.</summary>
    public (GraphDriveSource? Source, GraphConnection? Connection, string? Error) Create(ParseResult parse, ScanRun run)
    {
        var targets = new GraphScanTargets
        {
            Drives = parse.GetValue(Drive) ?? [],
            Sites = parse.GetValue(Site) ?? [],
            AllSites = parse.GetValue(AllSites),
            AllOneDrives = parse.GetValue(AllOneDrives),
        };
        if (targets.IsEmpty) return (null, null, "--source graph kräver --drive ID, --site ID-ELLER-URL, --all-sites eller --all-onedrives");
        if (!Uri.TryCreate(parse.GetValue(BaseUrl), UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("https" or "http"))
            return (null, null, "--graph-base-url måste vara en http(s)-adress, t.ex. " + GraphConnectionOptions.DefaultBaseUrl);
        if (parse.GetValue(Concurrency) < 1) return (null, null, "--graph-concurrency måste vara minst 1");

        GraphAuth auth;
        try
        {
            auth = GraphAuth.Create(new GraphCredentialOptions
            {
                TenantId = parse.GetValue(TenantId),
                ClientId = parse.GetValue(ClientId),
                ClientSecret = Environment.GetEnvironmentVariable(SecretVariable),
                CertificatePath = parse.GetValue(Certificate),
                CertificatePassword = Environment.GetEnvironmentVariable(CertificatePasswordVariable),
                ManagedIdentity = parse.GetValue(ManagedIdentity),
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
            Organisation = parse.GetValue(Organisation) ?? "Unspecified",
            MaxConcurrency = ConcurrencyOf(parse),
        }, auth, run.Counters);
        return (new GraphDriveSource(connection, targets, run), connection, null);
    }
}
