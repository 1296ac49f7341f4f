using System.Globalization;

namespace ClassScan.Cli.Logging;

/// <summary>
/// Appends lines to <c>name.jsonl</c> and rolls by size: the current file becomes <c>name.1.jsonl</c>, older ones
/// shift up, and the oldest beyond <c>keep</c> is deleted, so a nightly job never fills the disk. Each line is
/// flushed (a crash keeps what came before it). Readers may tail the file. Thread-safe (one lock; logs are
/// low volume: the hot per-file path does not log). Never throws for a full or read-only disk: the line is lost
/// and stderr says so once (the console still shows warnings and errors).
/// </summary>
internal sealed class RollingFileWriter : IDisposable
{
    private readonly string directory;
    private readonly string baseName;
    private readonly long maxBytes;
    private readonly int keep;
    private readonly Lock gate = new();
    private FileStream? stream;
    private bool disposed, failed;

    public RollingFileWriter(string directory, string baseName, long maxBytes, int keep)
    {
        this.directory = directory;
        this.baseName = baseName;
        this.maxBytes = Math.Max(1024, maxBytes);
        this.keep = Math.Max(1, keep);
    }

    public string CurrentPath => Path.Combine(directory, baseName + ".jsonl");

    private string Rolled(int i) => Path.Combine(directory, baseName + "." + i.ToString(CultureInfo.InvariantCulture) + ".jsonl");

    public void WriteLine(ReadOnlySpan<byte> utf8Line)
    {
        lock (gate)
        {
            if (disposed) return;
            try
            {
                stream ??= Open();
                if (stream.Length > 0 && stream.Length + utf8Line.Length + 1 > maxBytes)
                {
                    stream.Dispose();
                    Roll();
                    stream = Open();
                }
                stream.Write(utf8Line);
                stream.WriteByte((byte)'\n');
                stream.Flush();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A full or read-only log folder must not end the scan (the logging framework would rethrow into
                // the caller): the line is lost, stderr says so once, and the next line tries a fresh file handle.
                Drop();
                if (!failed) Console.Error.WriteLine($"classscan: loggfilen {CurrentPath} kunde inte skrivas ({Core.Scanning.OutputWriteException.Describe(ex, "loggmappen")}); loggen fortsätter bara på skärmen.");
                failed = true;
            }
        }
    }

    private void Drop()
    {
        try
        {
            stream?.Dispose();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Closing flushes again and fails again on a full disk; the handle is released either way.
        }
        stream = null;
    }

    private FileStream Open()
    {
        Directory.CreateDirectory(directory);
        return new FileStream(CurrentPath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
    }

    private void Roll()
    {
        File.Delete(Rolled(keep));
        for (var i = keep - 1; i >= 1; i--)
        {
            if (File.Exists(Rolled(i))) File.Move(Rolled(i), Rolled(i + 1), overwrite: true);
        }
        File.Move(CurrentPath, Rolled(1), overwrite: true);
    }

    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
            stream?.Dispose();
            stream = null;
        }
    }
}
