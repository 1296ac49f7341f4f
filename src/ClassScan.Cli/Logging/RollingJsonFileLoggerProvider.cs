using Microsoft.Extensions.Logging;

namespace ClassScan.Cli.Logging;

/// <summary>
/// A size-rolling JSON-lines log file (<c>&lt;folder&gt;/classscan.jsonl</c>, then classscan.1.jsonl …), written by us
/// because the framework ships no file provider and the few lines a run logs do not justify a logging stack.
/// Thread-safe; dispose to close the file.
/// </summary>
[ProviderAlias("File")]
public sealed class RollingJsonFileLoggerProvider : ILoggerProvider
{
    public const string BaseName = "classscan";

    private readonly RollingFileWriter writer;
    private readonly LogLevel minimum;
    private readonly TimeProvider time;

    public RollingJsonFileLoggerProvider(string folder, long maxBytes, int keep, LogLevel minimum, TimeProvider? time = null)
    {
        writer = new RollingFileWriter(folder, BaseName, maxBytes, keep);
        this.minimum = minimum;
        this.time = time ?? TimeProvider.System;
    }

    /// <summary>The file being written now.</summary>
    public string CurrentFile => writer.CurrentPath;

    public ILogger CreateLogger(string categoryName) => new RollingJsonFileLogger(categoryName, writer, minimum, time);

    public void Dispose() => writer.Dispose();
}
