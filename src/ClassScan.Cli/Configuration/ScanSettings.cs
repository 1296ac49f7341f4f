namespace ClassScan.Cli.Configuration;

/// <summary>The "Scan" section: what to scan and where the reports go (the scan command's options).</summary>
public sealed class ScanSettings
{
    /// <summary>"local" (Path, the default) or "graph" (OneDrive/SharePoint: the Graph section).</summary>
    public string Source { get; set; } = "local";

    /// <summary>Folder or file to scan (the PATH argument).</summary>
    public string? Path { get; set; }

    /// <summary>Output folder (--out).</summary>
    public string Out { get; set; } = "scan-out";

    public int Parallelism { get; set; } = Environment.ProcessorCount;
    public int TimeoutSeconds { get; set; } = 60;
    public int MaxFileMb { get; set; } = 512;

    // Arrays default to null, not []: the binder appends to a non-empty default instead of replacing it.
    public string[]? Include { get; set; }
    public string[]? Exclude { get; set; }

    /// <summary>Extra machine formats beside the CSVs: "csv" (always) and "jsonl".</summary>
    public string[]? Formats { get; set; }

    public string? Model { get; set; }
    public bool NoModel { get; set; }
    public bool InProcess { get; set; }

    public bool WritesJsonLines => Formats?.Any(f => f.Trim().Equals("jsonl", StringComparison.OrdinalIgnoreCase)) == true;
}
