namespace ClassScan.Reporting;

/// <summary>
/// Tonight's report files, staged as temp files beside their targets (<c>results.csv.&lt;pid&gt;.tmp</c>) and put in
/// place together by <see cref="Commit"/>, so the output folder always holds one whole run: when the disk fills
/// or the folder turns read-only halfway, last night's files stay byte for byte as they were. A rename within a
/// folder needs no free space, so the commit cannot run out of it; only the staging can, and staging never
/// touches the previous files. Removals (department files no longer configured) also wait for the commit.
/// <para>
/// Disposing without committing closes and deletes every temp file it can (a kill leaves them to
/// <c>RunLock.RemoveLeftovers</c>). Single writer, not thread-safe: the report stage is the only caller.
/// </para>
/// </summary>
public sealed class ReportBatch : IDisposable
{
    private readonly Func<string, Stream> create;
    private readonly List<Entry> staged = [];
    private readonly List<string> removals = [];
    private bool committed, disposed;

    /// <param name="create">Opens a new temp file for writing (default: a <see cref="FileStream"/>). A test seam: a
    /// stream that fails like a full disk exercises every report's failure path on any machine.</param>
    public ReportBatch(Func<string, Stream>? create = null) =>
        this.create = create ?? (path => new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024));

    /// <summary>Whether <see cref="Commit"/> put tonight's files in place.</summary>
    public bool Committed => committed;

    /// <summary>
    /// Opens the temp file that will replace <paramref name="target"/> at commit. The caller writes and disposes
    /// the stream before the commit; the batch also closes it if the run fails.
    /// </summary>
    public Stream Open(string target)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (committed) throw new InvalidOperationException("rapporterna är redan på plats");
        target = Path.GetFullPath(target);
        if (staged.Any(e => string.Equals(e.Target, target, StringComparison.Ordinal)))
            throw new InvalidOperationException("samma rapportfil skrevs två gånger i samma körning");
        var temp = target + $".{Environment.ProcessId}.tmp";
        var entry = new Entry(target, temp);
        staged.Add(entry); // before opening: a half-created temp file is still ours to delete
        entry.Stream = create(temp);
        return entry.Stream;
    }

    /// <summary>Deletes <paramref name="path"/> at commit (a stale report); it stays if the run fails.</summary>
    public void RemoveOnCommit(string path) => removals.Add(Path.GetFullPath(path));

    /// <summary>Whether <paramref name="path"/> will exist once this batch is committed (staged, or there and kept).</summary>
    public bool WillExist(string path)
    {
        var full = Path.GetFullPath(path);
        if (staged.Any(e => string.Equals(e.Target, full, StringComparison.Ordinal))) return true;
        return (File.Exists(full) || Directory.Exists(full)) && !removals.Contains(full, StringComparer.Ordinal);
    }

    /// <summary>Whether this batch writes <paramref name="path"/> (as opposed to an older file lying there).</summary>
    public bool Writes(string path) => staged.Any(e => string.Equals(e.Target, Path.GetFullPath(path), StringComparison.Ordinal));

    /// <summary>
    /// Puts every staged file in place, in staging order, then removes the stale ones. Throws the first
    /// <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/> of a rename (the folder lost its
    /// permissions between staging and commit); the files renamed before it are then tonight's.
    /// </summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (committed) return;
        foreach (var e in staged)
        {
            // Owners dispose their streams when they finish; this only covers one that forgot, before the rename.
            e.Stream?.Dispose();
            File.Move(e.Temp, e.Target, overwrite: true);
            e.Moved = true;
        }
        committed = true;
        foreach (var stale in removals) File.Delete(stale);
    }

    /// <summary>Without a commit: closes and deletes the temp files (best effort; the cause is already reported).</summary>
    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        foreach (var e in staged.Where(e => !e.Moved))
        {
            try
            {
                e.Stream?.Dispose();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ObjectDisposedException)
            {
                // Closing flushes what is buffered, which fails again on a full disk; the file is deleted next anyway.
            }
            try
            {
                File.Delete(e.Temp);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A read-only folder keeps it; the next run's RunLock.RemoveLeftovers deletes it.
            }
        }
    }

    private sealed class Entry(string target, string temp)
    {
        public string Target { get; } = target;
        public string Temp { get; } = temp;
        public Stream? Stream { get; set; }
        public bool Moved { get; set; }
    }
}
