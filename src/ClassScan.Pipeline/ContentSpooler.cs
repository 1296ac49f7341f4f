using System.Buffers;
using ClassScan.Core.Documents;

namespace ClassScan.Pipeline;

/// <summary>
/// Makes a stream that cannot seek (a download) seekable for the extractors (zip and PDF readers need random
/// access): it is copied to memory up to a threshold, then to a temp file that deletes itself on
/// close (on Unix it is unlinked as soon as it is opened). Enforces the maximum file size while copying, so a
/// lying Content-Length cannot exhaust the disk: past it the result is the limit, and the source is closed.
/// </summary>
internal static class ContentSpooler
{
    public static async Task<(Stream? Content, ExtractionResult.LimitReached? TooLarge)> MakeSeekableAsync(Stream source, long maxBytes, long inMemoryBytes, CancellationToken ct)
    {
        Stream target = new MemoryStream();
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            long total = 0;
            int read;
            while ((read = await source.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
            {
                total += read;
                if (total > maxBytes)
                {
                    await target.DisposeAsync().ConfigureAwait(false);
                    return (null, DocumentAnalyzer.TooLarge(total, maxBytes));
                }
                if (target is MemoryStream ms && total > inMemoryBytes)
                {
                    var path = Path.Combine(Path.GetTempPath(), "classscan-" + Guid.NewGuid().ToString("N") + ".tmp");
                    var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
                    // On Unix the open handle keeps the data; unlinking now means not even SIGKILL or a power cut
                    // can leave a copy of the document behind (DeleteOnClose only deletes on a clean close).
                    if (!OperatingSystem.IsWindows()) File.Delete(path);
                    ms.Position = 0;
                    await ms.CopyToAsync(file, ct).ConfigureAwait(false);
                    await ms.DisposeAsync().ConfigureAwait(false);
                    target = file;
                }
                await target.WriteAsync(buffer.AsMemory(0, read), ct).ConfigureAwait(false);
            }
            target.Position = 0;
            return (target, null);
        }
        catch
        {
            await target.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            await source.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Copies <paramref name="content"/> to a file in a new folder only this account can open (0700), for a program
    /// that needs a path (OCR of a downloaded scan). The caller deletes it with <see cref="DeletePrivateFile"/>.
    /// </summary>
    public static async Task<string> ToPrivateFileAsync(Stream content, CancellationToken ct)
    {
        var dir = Directory.CreateTempSubdirectory("classscan-ocr-in-").FullName;
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var path = Path.Combine(dir, "document");
        try
        {
            var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 81920, FileOptions.Asynchronous);
            await using (file.ConfigureAwait(false))
            {
                await content.CopyToAsync(file, ct).ConfigureAwait(false);
            }
            return path;
        }
        catch
        {
            DeletePrivateFile(path);
            throw;
        }
    }

    /// <summary>Deletes a file made by <see cref="ToPrivateFileAsync"/> and its folder; a failure is left to the temp cleaner.</summary>
    public static void DeletePrivateFile(string path)
    {
        try
        {
            if (Path.GetDirectoryName(path) is { } dir && Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Held open elsewhere (Windows): the OS temp cleaner removes it; nothing to report per file.
        }
    }
}
