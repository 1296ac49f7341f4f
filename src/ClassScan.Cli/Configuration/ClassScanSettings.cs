namespace ClassScan.Cli.Configuration;

/// <summary>
/// Everything a scheduled run needs, bound from appsettings.json, CLASSSCAN_* environment variables and the
/// command line (later sources win). Secrets are never bound from here: see <see cref="ConfigurationLoader"/>.
/// </summary>
public sealed class ClassScanSettings
{
    public ScanSettings Scan { get; set; } = new();

    /// <summary>Which förvaltning a file belongs to; first match wins. Empty: every file is "okänd".</summary>
    public List<DepartmentSettings> Departments { get; set; } = [];

    public LogSettings Log { get; set; } = new();

    /// <summary>OneDrive/SharePoint through Microsoft Graph, used when Scan:Source is "graph".</summary>
    public GraphSettings Graph { get; set; } = new();

    /// <summary>The configuration file these settings came from, if any (for the log; not bound).</summary>
    internal string? SourceFile { get; set; }
}
