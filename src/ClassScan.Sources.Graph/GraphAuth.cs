using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Identity;

namespace ClassScan.Sources.Graph;

/// <summary>
/// Supplies bearer tokens for Graph: an Azure.Identity credential (which caches and renews tokens itself) or
/// a fixed token. Thread-safe. The scope follows the base URL's host, so national clouds get their own audience.
/// </summary>
public sealed class GraphAuth
{
    private readonly TokenCredential? credential;
    private readonly string? staticToken;
    private readonly TokenRequestContext request;

    private GraphAuth(TokenCredential? credential, string? staticToken, Uri graphBase, string description)
    {
        this.credential = credential;
        this.staticToken = staticToken;
        Description = description;
        request = new TokenRequestContext([$"{graphBase.Scheme}://{graphBase.Authority}/.default"]);
    }

    /// <summary>Which kind of credential is in use (for logs; no secret).</summary>
    public string Description { get; }

    public static GraphAuth FromCredential(TokenCredential credential, Uri graphBase, string description = "Azure.Identity") =>
        new(credential, null, graphBase, description);

    public static GraphAuth FromStaticToken(string token, Uri graphBase) =>
        new(null, token, graphBase, "statisk token (CLASSSCAN_GRAPH_TOKEN)");

    /// <summary>Builds the credential the options describe. Throws <see cref="ArgumentException"/> when none is complete.</summary>
    public static GraphAuth Create(GraphCredentialOptions o, Uri graphBase)
    {
        var authority = AuthorityFor(graphBase);
        if (o.ManagedIdentity)
        {
            var id = string.IsNullOrEmpty(o.ClientId) ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(o.ClientId);
            return FromCredential(new ManagedIdentityCredential(id), graphBase, "hanterad identitet");
        }
        if (!string.IsNullOrEmpty(o.CertificatePath))
        {
            Require(o, "--certificate");
            var options = new ClientCertificateCredentialOptions { AuthorityHost = authority };
            TokenCredential c = string.IsNullOrEmpty(o.CertificatePassword)
                ? new ClientCertificateCredential(o.TenantId, o.ClientId, o.CertificatePath, options)
                : new ClientCertificateCredential(o.TenantId, o.ClientId, X509CertificateLoader.LoadPkcs12FromFile(o.CertificatePath, o.CertificatePassword), options);
            return FromCredential(c, graphBase, "appregistrering med certifikat");
        }
        if (!string.IsNullOrEmpty(o.ClientSecret))
        {
            Require(o, "klienthemlighet");
            return FromCredential(new ClientSecretCredential(o.TenantId, o.ClientId, o.ClientSecret, new ClientSecretCredentialOptions { AuthorityHost = authority }),
                graphBase, "appregistrering med klienthemlighet");
        }
        if (!string.IsNullOrEmpty(o.StaticToken)) return FromStaticToken(o.StaticToken, graphBase);
        throw new ArgumentException(
            "ingen inloggning för Graph: ange --managed-identity, --tenant-id och --client-id med --certificate eller CLASSSCAN_CLIENT_SECRET, " +
            "eller en token i CLASSSCAN_GRAPH_TOKEN");
    }

    internal async ValueTask<string> GetTokenAsync(CancellationToken ct)
    {
        if (staticToken is not null) return staticToken;
        var token = await credential!.GetTokenAsync(request, ct).ConfigureAwait(false);
        return token.Token;
    }

    private static void Require(GraphCredentialOptions o, string what)
    {
        if (string.IsNullOrEmpty(o.TenantId) || string.IsNullOrEmpty(o.ClientId))
            throw new ArgumentException($"{what} kräver också --tenant-id och --client-id");
    }

    // National clouds sign in at their own Entra ID endpoint.
    private static Uri AuthorityFor(Uri graphBase) => graphBase.Host switch
    {
        "graph.microsoft.us" or "dod-graph.microsoft.us" => AzureAuthorityHosts.AzureGovernment,
        "microsoftgraph.chinacloudapi.cn" => AzureAuthorityHosts.AzureChina,
        _ => AzureAuthorityHosts.AzurePublicCloud,
    };
}
