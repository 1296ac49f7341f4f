using System.Text;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Events;
using Serilog.Sinks.File;

namespace ClassScan.Cli.Logging;

/// <summary>
/// The run's log file: Serilog's file sink, one compact JSON object per line (<see cref="MaskedExceptionFormatter"/>),
/// <c>&lt;folder&gt;/classscan.jsonl</c> rolled by size to classscan_001.jsonl, classscan_002.jsonl …, the oldest
/// deleted beyond the retained count, so a nightly job never fills the disk. Each event is flushed (a crash keeps
/// what came before it); readers may tail the file. Thread-safe; dispose to close the file.
/// </summary>
internal sealed class JsonLogFile : IDisposable
{
    public const string BaseName = "classscan";

    private readonly Serilog.Core.Logger logger;
    private readonly CurrentFile current;

    /// <param name="keep">Rolled files kept besides the current one.</param>
    public JsonLogFile(string folder, long maxBytes, int keep, LogLevel minimum)
    {
        current = new CurrentFile(Path.Combine(folder, BaseName + ".jsonl"));
        var config = new LoggerConfiguration().MinimumLevel.Is(SerilogLevel(minimum));
        // None writes no file at all, as before: nothing is opened, nothing created.
        if (minimum != LogLevel.None)
        {
            config = config.WriteTo.File(
                new MaskedExceptionFormatter(),
                current.Path,
                fileSizeLimitBytes: Math.Max(1024, maxBytes),
                rollOnFileSizeLimit: true,
                retainedFileCountLimit: Math.Max(1, keep) + 1,
                buffered: false,
                encoding: new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
                hooks: current);
        }
        logger = config.CreateLogger();
    }

    /// <summary>The Serilog logger behind the Microsoft.Extensions.Logging provider.</summary>
    public Serilog.ILogger Logger => logger;

    /// <summary>The file being written now (after a roll, the newest numbered one).</summary>
    public string CurrentPath => current.Path;

    public void Dispose() => logger.Dispose();

    private static LogEventLevel SerilogLevel(LogLevel level) => level switch
    {
        LogLevel.Trace => LogEventLevel.Verbose,
        LogLevel.Debug => LogEventLevel.Debug,
        LogLevel.Information => LogEventLevel.Information,
        LogLevel.Warning => LogEventLevel.Warning,
        LogLevel.Error => LogEventLevel.Error,
        _ => LogEventLevel.Fatal,
    };

    /// <summary>Remembers the path the sink opened last: the sink itself does not say which file is current.</summary>
    private sealed class CurrentFile(string initial) : FileLifecycleHooks
    {
        private volatile string path = initial;

        public string Path => path;

        public override Stream OnFileOpened(string path, Stream underlyingStream, Encoding encoding)
        {
            this.path = path;
            return underlyingStream;
        }
    }
}
