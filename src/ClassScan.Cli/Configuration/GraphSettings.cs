using System.ComponentModel.DataAnnotations;
using ClassScan.Sources.Graph;

namespace ClassScan.Cli.Configuration;

/// <summary>
/// The "Graph" section: what to scan in OneDrive/SharePoint and how to sign in (the scan command's Graph
/// options). The secrets (ClientSecret, CertificatePassword) are bound only from the environment
/// (CLASSSCAN_Graph__ClientSecret): a value written in the file is refused at start.
/// </summary>
public sealed class GraphSettings
{
    public const string SectionName = "Graph";

    // The connection's own defaults, so a Graph scan without configuration behaves like the Graph source's default.
    private static readonly GraphConnectionOptions ConnectionDefaults = new();

    // Arrays default to null, not []: the binder appends to a non-empty default instead of replacing it.
    public string[]? Drives { get; set; }
    public string[]? Sites { get; set; }
    public bool AllSites { get; set; }
    public bool AllOneDrives { get; set; }
    public string BaseUrl { get; set; } = GraphConnectionOptions.DefaultBaseUrl;
    public string? TenantId { get; set; }
    public string? ClientId { get; set; }
    public string? CertificatePath { get; set; }
    public bool ManagedIdentity { get; set; }
    public string Organisation { get; set; } = ConnectionDefaults.Organisation;
    [Range(1, 64, ErrorMessage = "måste vara 1–64.")]
    public int Concurrency { get; set; } = ConnectionDefaults.MaxConcurrency;

    /// <summary>Environment only (CLASSSCAN_Graph__ClientSecret; the older CLASSSCAN_CLIENT_SECRET is read too).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Environment only (CLASSSCAN_Graph__CertificatePassword; the older CLASSSCAN_CERTIFICATE_PASSWORD is read too).</summary>
    public string? CertificatePassword { get; set; }
}
