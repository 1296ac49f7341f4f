using Microsoft.Extensions.Logging;

namespace ClassScan.Cli.Logging;

/// <summary>
/// The loggers of one run. Disposing flushes the console queue and closes the log file (the factory does not
/// dispose a provider handed to it as an instance, so this type owns the file provider).
/// </summary>
public sealed class RunLogging(ILoggerFactory factory, RollingJsonFileLoggerProvider file) : IDisposable
{
    public ILoggerFactory Factory { get; } = factory;

    /// <summary>The JSON log file being written.</summary>
    public string LogFile => file.CurrentFile;

    public ILogger CreateLogger(string category) => Factory.CreateLogger(category);

    public void Dispose()
    {
        Factory.Dispose();
        file.Dispose();
    }
}
