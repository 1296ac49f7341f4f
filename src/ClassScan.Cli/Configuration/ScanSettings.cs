using System.ComponentModel.DataAnnotations;
using ClassScan.Core.Documents;
using ClassScan.Pipeline;

namespace ClassScan.Cli.Configuration;

/// <summary>
/// The "Scan" section: what to scan and where the reports and the state go (the scan command's options). The
/// defaults live here and nowhere else in the command line: the options have none of their own (a default there
/// would win over the file), and their help text is written from these. The limits the pipeline enforces take
/// their defaults from <see cref="ScanOptions"/> and <see cref="ExtractionLimits"/>, so a scan without
/// configuration behaves like the pipeline's own default.
/// </summary>
public sealed class ScanSettings
{
    public const string SectionName = "Scan";

    /// <summary>The state's file name in the output folder when Scan:State is not set.</summary>
    public const string DefaultStateFileName = "classscan-state.db";

    private const long Megabyte = 1024 * 1024;
    private static readonly ScanOptions PipelineDefaults = new();

    /// <summary>"local" (Path, the default) or "graph" (OneDrive/SharePoint: the Graph section).</summary>
    [AllowedValues("local", "graph", ErrorMessage = "måste vara local eller graph.")]
    public string Source { get; set; } = "local";

    /// <summary>Folder or file to scan (the PATH argument).</summary>
    public string? Path { get; set; }

    /// <summary>Output folder (--out).</summary>
    [Required(ErrorMessage = "utmappen måste anges.")]
    public string Out { get; set; } = "scan-out";

    /// <summary>
    /// The SQLite state of earlier scans (--state). Empty: OUT/classscan-state.db. Set it once here, and scan, show
    /// and doctor all use the same file.
    /// </summary>
    public string? State { get; set; }

    [Range(1, 1024, ErrorMessage = "måste vara 1–1024.")]
    public int Parallelism { get; set; } = PipelineDefaults.Parallelism;

    [Range(1, 86_400, ErrorMessage = "måste vara 1–86400 sekunder.")]
    public int TimeoutSeconds { get; set; } = (int)PipelineDefaults.FileTimeout.TotalSeconds;

    [Range(1, 1_048_576, ErrorMessage = "måste vara 1–1048576 MB.")]
    public int MaxFileMb { get; set; } = (int)(ExtractionLimits.Default.MaxFileBytes / Megabyte);

    // Arrays default to null, not []: the binder appends to a non-empty default instead of replacing it.
    public string[]? Include { get; set; }
    public string[]? Exclude { get; set; }

    /// <summary>Extra machine formats beside the CSVs: "csv" (always) and "jsonl".</summary>
    public string[]? Formats { get; set; }

    public string? Model { get; set; }
    public bool NoModel { get; set; }
    public bool InProcess { get; set; }

    /// <summary>OCR of scanned pages and images (Scan:Ocr:...).</summary>
    public OcrSettings Ocr { get; set; } = new();

    public bool WritesJsonLines => Formats?.Any(f => f.Trim().Equals("jsonl", StringComparison.OrdinalIgnoreCase)) == true;

    /// <summary>Where the state lives: Scan:State (or --state) if set, else OUT/classscan-state.db.</summary>
    public string StatePath => State is { Length: > 0 } s ? s : System.IO.Path.Combine(Out, DefaultStateFileName);

    /// <summary>The pipeline's settings for these values (the rest keep the pipeline's defaults).</summary>
    public ScanOptions ToScanOptions() => PipelineDefaults with
    {
        Parallelism = Parallelism,
        FetchParallelism = Parallelism,
        FileTimeout = TimeSpan.FromSeconds(TimeoutSeconds),
        // Half the file's timeout: a slow PDF stops between pages and is judged on what was read, before its worker is ended.
        Limits = ExtractionLimits.Default with
        {
            MaxFileBytes = MaxFileMb * Megabyte,
            MaxExtractionTime = TimeSpan.FromSeconds(TimeoutSeconds / 2.0),
        },
        OcrParallelism = Ocr.Parallelism,
        OcrPageTimeout = TimeSpan.FromSeconds(Ocr.PageTimeoutSeconds),
        OcrFileTimeout = TimeSpan.FromSeconds(Ocr.FileTimeoutSeconds),
        MaxOcrPages = Ocr.MaxPages,
    };
}
