using System.Globalization;
using System.Text;

namespace ClassScan.Cli;

/// <summary>
/// Keeps two runs off one output folder (and so off its reports and state): a lock file opened with
/// <see cref="FileShare.None"/> and held for the whole run. The OS drops the lock when the process ends, even
/// on a crash or kill, so a stale lock never blocks the next night (the file itself stays; only the open
/// handle locks). On Linux .NET maps FileShare.None to an advisory flock, which every classscan honours.
/// Who holds the lock is written to a separate owner file: .NET takes a shared flock for any other open of the
/// lock file itself, so the second run could not read it there.
/// </summary>
public sealed class RunLock : IDisposable
{
    public const string FileName = ".classscan.lock";
    public const string OwnerFileName = ".classscan.lock.owner";

    private readonly FileStream stream;

    private RunLock(FileStream stream, string path)
    {
        this.stream = stream;
        Path = path;
    }

    public string Path { get; }

    /// <summary>Takes the lock of <paramref name="folder"/> (created if missing), or returns null with who holds it.</summary>
    public static RunLock? TryAcquire(string folder, out string holder)
    {
        Directory.CreateDirectory(folder);
        var path = System.IO.Path.Combine(System.IO.Path.GetFullPath(folder), FileName);
        try
        {
            var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            try
            {
                // Who holds it, for the message the second run prints: metadata only.
                File.WriteAllText(OwnerPath(path), string.Create(CultureInfo.InvariantCulture,
                    $"pid {Environment.ProcessId} på {Environment.MachineName}, startad {DateTimeOffset.Now:yyyy-MM-dd HH:mm:ss zzz}\n"), Encoding.UTF8);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The lock is what matters; a missing owner note only makes the refusal message vaguer.
            }
            holder = "";
            return new RunLock(stream, path);
        }
        catch (IOException)
        {
            holder = ReadHolder(path);
            return null;
        }
    }

    private static string OwnerPath(string lockPath) => System.IO.Path.Combine(System.IO.Path.GetDirectoryName(lockPath)!, OwnerFileName);

    private static string ReadHolder(string path)
    {
        try
        {
            using var reader = new StreamReader(OwnerPath(path), Encoding.UTF8);
            var line = reader.ReadLine()?.Trim();
            return string.IsNullOrEmpty(line) ? "låsfil " + path : line;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "låsfil " + path;
        }
    }

    public void Dispose() => stream.Dispose();
}
