namespace ClassScan.Extraction.Archive;

/// <summary>
/// Copies one entry's decompressed bytes into a seekable stream the entry's extractor can read, counting what really
/// comes out (an entry's declared size may lie) and stopping the moment a bound is passed, so no entry is ever inflated
/// beyond the limits. Small entries stay in memory; past <see cref="InMemoryBytes"/> the copy spills to a temporary file
/// deleted on close, so a large entry does not sit in the worker's memory twice.
/// </summary>
internal static class EntrySpool
{
    public const long InMemoryBytes = 8L * 1024 * 1024;

    /// <summary>Why a copy stopped early.</summary>
    public enum Stop
    {
        None,
        /// <summary>More than the bound for this entry (its file-size limit or what is left of the archive's total).</summary>
        Size,
        /// <summary>Inflated beyond the compression ratio.</summary>
        Ratio,
    }

    /// <summary>
    /// Reads <paramref name="source"/> to its end into a new stream at position 0, or stops when more than
    /// <paramref name="maxBytes"/> come out or, once past <paramref name="ratioGraceBytes"/>, the output outgrows
    /// <paramref name="compressedBytes"/> times <paramref name="maxRatio"/> (not checked when the compressed size is
    /// unknown, 0). The caller disposes the returned stream; on a stop it is null.
    /// </summary>
    public static Stream? Copy(Stream source, long maxBytes, long compressedBytes, double maxRatio, long ratioGraceBytes, CancellationToken ct, out Stop stop, out long copied)
    {
        Stream target = new MemoryStream();
        var buffer = new byte[81920];
        copied = 0;
        stop = Stop.None;
        try
        {
            int n;
            while ((n = source.Read(buffer, 0, buffer.Length)) > 0)
            {
                ct.ThrowIfCancellationRequested();
                copied += n;
                if (copied > maxBytes) { stop = Stop.Size; break; }
                if (compressedBytes > 0 && copied > ratioGraceBytes && copied > compressedBytes * maxRatio) { stop = Stop.Ratio; break; }
                if (target is MemoryStream ms && ms.Length + n > InMemoryBytes) target = Spill(ms);
                target.Write(buffer, 0, n);
            }
            if (stop != Stop.None)
            {
                target.Dispose();
                return null;
            }
            target.Position = 0;
            return target;
        }
        catch
        {
            target.Dispose();
            throw;
        }
    }

    private static FileStream Spill(MemoryStream memory)
    {
        var path = Path.Combine(Path.GetTempPath(), "classscan-entry-" + Guid.NewGuid().ToString("N"));
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        try
        {
            // On Unix the open handle keeps the data; unlinking now means a worker killed on its time limit leaves no
            // copy of the entry behind (DeleteOnClose only deletes on a clean close). As the fetch stage's spool does.
            if (!OperatingSystem.IsWindows()) File.Delete(path);
            memory.Position = 0;
            memory.CopyTo(file);
            memory.Dispose();
            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }
}
