using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ClassScan.Cli;

/// <summary>
/// Keeps two runs off one output folder (and so off its reports and state): a lock file opened with
/// <see cref="FileShare.None"/> and held for the whole run. The OS drops the lock when the process ends, even
/// on a crash or kill, so a stale lock never blocks the next night (the file itself stays; only the open
/// handle locks). On Linux .NET maps FileShare.None to an advisory flock, which every classscan honours.
/// Who holds the lock is written to a separate owner file: .NET takes a shared flock for any other open of the
/// lock file itself, so the second run could not read it there.
/// </summary>
internal sealed partial class RunLock : IDisposable
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

    /// <summary>Takes the lock of <paramref name="folder"/> (created if missing), or returns null with who holds it.
    /// Throws <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/> when the folder cannot be written.</summary>
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
                    $"pid {Environment.ProcessId} på {Environment.MachineName}, startad {TimeProvider.System.GetLocalNow():yyyy-MM-dd HH:mm:ss zzz}\n"), Encoding.UTF8);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The lock is what matters; a missing owner note only makes the refusal message vaguer.
            }
            holder = "";
            return new RunLock(stream, path);
        }
        catch (IOException ex) when (!Core.Scanning.OutputWriteException.IsReadOnly(ex) && !Core.Scanning.OutputWriteException.IsDiskFull(ex))
        {
            // The lock is taken. A read-only or full folder is no other run: that propagates, for the caller to say so.
            holder = ReadHolder(path);
            return null;
        }
    }

    /// <summary>
    /// Deletes the half-written reports (<c>results.csv.&lt;pid&gt;.tmp</c> and the like) that a run killed with
    /// SIGKILL or a power cut left in the folder. Only the lock holder may call it: no other run writes here, so
    /// every such file is a leftover. Returns how many were removed.
    /// </summary>
    public int RemoveLeftovers()
    {
        var folder = System.IO.Path.GetDirectoryName(Path)!;
        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "*.tmp", SearchOption.AllDirectories))
        {
            if (!LeftoverName().IsMatch(System.IO.Path.GetFileName(file))) continue;
            try
            {
                File.Delete(file);
                removed++;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Not ours to fight over: the next run tries again.
            }
        }
        return removed;
    }

    // What AtomicCsvFile, the JSON, HTML and summary writers name their temp files: target + ".<pid>.tmp".
    [GeneratedRegex(@"^.+\.(csv|jsonl|json|html)\.[0-9]+\.tmp$", RegexOptions.IgnoreCase)]
    private static partial Regex LeftoverName();

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
