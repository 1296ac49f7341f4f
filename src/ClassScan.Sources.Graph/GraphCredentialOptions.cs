namespace ClassScan.Sources.Graph;

/// <summary>
/// How the scanner signs in (application permissions, no user). Chosen in this order: managed identity;
/// app registration with a certificate; app registration with a client secret; a static bearer token
/// (CLASSSCAN_GRAPH_TOKEN, for air-gapped runs and tests) when nothing else is configured.
/// </summary>
public sealed record GraphCredentialOptions
{
    public string? TenantId { get; init; }

    /// <summary>App registration's client id, or a user-assigned managed identity's client id.</summary>
    public string? ClientId { get; init; }
    public string? ClientSecret { get; init; }

    /// <summary>PFX or PEM file with the private key.</summary>
    public string? CertificatePath { get; init; }
    public string? CertificatePassword { get; init; }
    public bool ManagedIdentity { get; init; }
    public string? StaticToken { get; init; }
}
