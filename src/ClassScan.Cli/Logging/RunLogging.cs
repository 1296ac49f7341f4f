using Microsoft.Extensions.Logging;

namespace ClassScan.Cli.Logging;

/// <summary>
/// The loggers of one run. Disposing flushes the console queue and closes the log file (the factory does not
/// dispose a provider handed to it as an instance, so this type owns the file provider).
/// Every logger masks identity numbers in what it writes (<see cref="RedactingLogger"/>).
/// </summary>
public sealed class RunLogging(ILoggerFactory factory, RollingJsonFileLoggerProvider file, Core.Privacy.INameRedactor names) : IDisposable
{
    public ILoggerFactory Factory { get; } = factory;

    /// <summary>The JSON log file being written.</summary>
    public string LogFile => file.CurrentFile;

    public ILogger CreateLogger(string category) => new RedactingLogger(Factory.CreateLogger(category), names);

    public void Dispose()
    {
        Factory.Dispose();
        file.Dispose();
    }
}
