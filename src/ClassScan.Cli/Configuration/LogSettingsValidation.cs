using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClassScan.Cli.Configuration;

/// <summary>The Log section's levels: names of <see cref="LogLevel"/>, in any case.</summary>
internal sealed class LogSettingsValidation : IValidateOptions<LogSettings>
{
    public ValidateOptionsResult Validate(string? name, LogSettings log)
    {
        var failures = new List<string>();
        foreach (var (level, key) in new[] { (log.ConsoleLevel, "Log:ConsoleLevel"), (log.FileLevel, "Log:FileLevel") })
        {
            if (!Enum.TryParse<LogLevel>(level, ignoreCase: true, out _))
                failures.Add(new SettingError(key, $"'{level}' är ingen loggnivå (Trace, Debug, Information, Warning, Error, Critical, None).").ToString());
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
