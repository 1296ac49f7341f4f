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

    /// <summary>This scan node's name in the shared state (--node); default "host:pid".</summary>
    public string? Node { get; set; }

    /// <summary>How long a drive stays leased to a node without a heartbeat (it beats every third of it); then another node takes it over.</summary>
    [Range(3, 3600, ErrorMessage = "måste vara 3–3600 sekunder.")]
    public int LeaseSeconds { get; set; } = (int)GraphWork.DefaultLease.TotalSeconds;

    /// <summary>Site URL globs scanned first, in order (null: the built-in Swedish defaults, see docs/distribution.md; [] none).</summary>
    public string[]? Priorities { get; set; }

    // The tenant's Graph budget in SharePoint resource units, shared by every node on a PostgreSQL state: by default
    // BudgetPercent of Microsoft's published limit per app per tenant for BudgetLicences licences (BudgetLimits);
    // BudgetUnitsPerMinute sets the rate outright (a tenant whose limit Microsoft raised, or room left for other apps).
    [Range(1, 10_000_000, ErrorMessage = "måste vara 1–10000000.")]
    public int BudgetLicences { get; set; } = GraphConnectionOptions.DefaultLicences;

    [Range(1.0, 1_000_000.0, ErrorMessage = "måste vara 1–1000000.")]
    public double? BudgetUnitsPerMinute { get; set; }

    [Range(1, 100, ErrorMessage = "måste vara 1–100.")]
    public int BudgetPercent { get; set; } = State.Work.BudgetLimits.DefaultHeadroomPercent;

    /// <summary>The budget these settings describe.</summary>
    public State.Work.BudgetLimits BudgetLimits() => State.Work.BudgetLimits.For(BudgetLicences, BudgetUnitsPerMinute, BudgetPercent);

    /// <summary>Environment only (CLASSSCAN_Graph__ClientSecret; the older CLASSSCAN_CLIENT_SECRET is read too).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Environment only (CLASSSCAN_Graph__CertificatePassword; the older CLASSSCAN_CERTIFICATE_PASSWORD is read too).</summary>
    public string? CertificatePassword { get; set; }
}
