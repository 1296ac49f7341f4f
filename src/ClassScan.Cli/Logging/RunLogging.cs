using Microsoft.Extensions.Logging;

namespace ClassScan.Cli.Logging;

/// <summary>
/// The loggers of one run. Disposing flushes the console queue and closes the log file (this type owns the
/// Serilog logger behind the file provider; the provider is told not to dispose it).
/// Every logger masks identity numbers in what it writes (<see cref="RedactingLogger"/>).
/// </summary>
internal sealed class RunLogging : IDisposable
{
    private readonly JsonLogFile file;
    private readonly Core.Privacy.INameRedactor names;

    internal RunLogging(ILoggerFactory factory, JsonLogFile file, Core.Privacy.INameRedactor names)
    {
        Factory = factory;
        this.file = file;
        this.names = names;
    }

    public ILoggerFactory Factory { get; }

    /// <summary>The JSON log file being written.</summary>
    public string LogFile => file.CurrentPath;

    public ILogger CreateLogger(string category) => new RedactingLogger(Factory.CreateLogger(category), names);

    public void Dispose()
    {
        Factory.Dispose();
        file.Dispose();
    }
}
