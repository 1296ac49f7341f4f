using System.CommandLine;

namespace ClassScan.Cli.Commands;

/// <summary>
/// <c>--config FILE</c>, accepted by every command (recursive on the root). Commands that read settings (scan,
/// doctor) load it; init writes it.
/// </summary>
internal static class ConfigOption
{
    public static Option<string?> Instance { get; } = new("--config")
    {
        Description = "Configuration file (JSON, // comments allowed). Default: $CLASSSCAN_CONFIG, else ./appsettings.json if it exists. " +
                      "Environment variables CLASSSCAN_Section__Key and command-line options override it.",
        Recursive = true,
    };
}
