using System.ComponentModel.DataAnnotations;

namespace ClassScan.Cli.Configuration;

/// <summary>The "Log" section: console (stderr) and rolling JSON file in &lt;out&gt;/logg.</summary>
public sealed class LogSettings
{
    public const string SectionName = "Log";

    /// <summary>Lowest level on stderr. Warning keeps an interactive run quiet; the file has the detail.</summary>
    public string ConsoleLevel { get; set; } = "Warning";

    public string FileLevel { get; set; } = "Information";

    /// <summary>A log file rolls over at this size.</summary>
    [Range(1, 1024, ErrorMessage = "måste vara 1–1024.")]
    public int FileMaxMegabytes { get; set; } = 10;

    /// <summary>Rolled files kept besides the current one.</summary>
    [Range(1, 100, ErrorMessage = "måste vara 1–100.")]
    public int FileCount { get; set; } = 5;

    /// <summary>Folder for the log; default &lt;out&gt;/logg.</summary>
    public string? Folder { get; set; }
}
