namespace ClassScan.Cli.Configuration;

/// <summary>The "Log" section: console (stderr) and rolling JSON file in &lt;out&gt;/logg.</summary>
public sealed class LogSettings
{
    /// <summary>Lowest level on stderr. Warning keeps an interactive run quiet; the file has the detail.</summary>
    public string ConsoleLevel { get; set; } = "Warning";

    public string FileLevel { get; set; } = "Information";

    /// <summary>A log file rolls over at this size.</summary>
    public int FileMaxMegabytes { get; set; } = 10;

    /// <summary>Rolled files kept besides the current one.</summary>
    public int FileCount { get; set; } = 5;

    /// <summary>Folder for the log; default &lt;out&gt;/logg.</summary>
    public string? Folder { get; set; }
}
