using Microsoft.Extensions.Configuration;

namespace ClassScan.Cli.Configuration;

/// <summary>The result of loading configuration: the settings, the raw merged view, the file used, and any errors.</summary>
public sealed record LoadedConfiguration(ClassScanSettings Settings, IConfiguration Root, string? File, IReadOnlyList<SettingError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
