using ClassScan.Cli.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Serilog.Extensions.Logging;

namespace ClassScan.Cli.Logging;

/// <summary>
/// Builds the logger factory for a run: one-line console messages on stderr (stdout stays the summary a script
/// reads) and the rolling JSON file in &lt;out&gt;/logg (<see cref="JsonLogFile"/>). Dispose it at the end to flush both.
/// </summary>
internal static class ScanLogging
{
    public const string FolderName = "logg";

    public static RunLogging Create(string outDir, LogSettings settings, Core.Privacy.INameRedactor names)
    {
        var consoleLevel = Enum.Parse<LogLevel>(settings.ConsoleLevel, ignoreCase: true);
        var fileLevel = Enum.Parse<LogLevel>(settings.FileLevel, ignoreCase: true);
        var folder = settings.Folder is { Length: > 0 } f ? f : Path.Combine(outDir, FolderName);
        var file = new JsonLogFile(folder, settings.FileMaxMegabytes * 1024L * 1024, settings.FileCount, fileLevel);
        var factory = LoggerFactory.Create(builder =>
        {
            builder.SetMinimumLevel(LogLevel.Trace);
            builder.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            builder.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss ";
                o.IncludeScopes = false;
            });
            builder.AddFilter<ConsoleLoggerProvider>(null, consoleLevel);
            builder.AddProvider(new SerilogLoggerProvider(file.Logger, dispose: false));
        });
        return new RunLogging(factory, file, names);
    }
}
