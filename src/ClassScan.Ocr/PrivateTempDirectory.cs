namespace ClassScan.Ocr;

/// <summary>
/// A folder under the temp path that only this account can open (0700 on Unix, as mkdtemp makes it; set again in
/// case a platform does not), for one page's rendered image. Deleted by <see cref="Delete"/> in a finally: a page
/// image is document content.
/// </summary>
internal static class PrivateTempDirectory
{
    public static string Create()
    {
        var dir = Directory.CreateTempSubdirectory("classscan-ocr-").FullName;
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return dir;
    }

    /// <summary>Removes the folder and what is in it; a failure (a file still held open on Windows) is retried once, then left to the OS temp cleaner.</summary>
    public static void Delete(string dir)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            try
            {
                if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
                return;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Thread.Sleep(50);
            }
        }
    }
}
