using ClassScan.Core.Privacy;

namespace ClassScan.Core.Scanning;

/// <summary>
/// The scan's own output (the reports or the state) could not be written: the disk is full, the folder became
/// read-only, or the account lost its write permission. The message is the whole Swedish reason that ends the
/// run incomplete, already masked, e.g. "tillståndet kunde inte sparas: disken är full (database or disk is full)",
/// so the pipeline can use it as it is. <see cref="Describe"/> words the common causes for any exception.
/// </summary>
public sealed class OutputWriteException : IOException
{
    // errno on Linux and macOS (.NET puts the raw errno in IOException.HResult on Unix), HRESULTs on Windows.
    private const int Enospc = 28, EdquotLinux = 122, EdquotMac = 69, Erofs = 30;
    private const int WinDiskFull = unchecked((int)0x80070070), WinHandleDiskFull = unchecked((int)0x80070027), WinWriteProtect = unchecked((int)0x80070013);

    public OutputWriteException(string message, Exception inner) : base(message, inner) => HResult = inner.HResult;

    /// <summary>True when <paramref name="ex"/> says the disk is full or over quota (ENOSPC, EDQUOT, ERROR_DISK_FULL).</summary>
    public static bool IsDiskFull(Exception ex) => ex switch
    {
        OutputWriteException { InnerException: { } inner } => IsDiskFull(inner),
        IOException io => io.HResult is Enospc or WinDiskFull or WinHandleDiskFull
            || (OperatingSystem.IsLinux() && io.HResult == EdquotLinux) || (OperatingSystem.IsMacOS() && io.HResult == EdquotMac),
        _ => false,
    };

    /// <summary>True when <paramref name="ex"/> says the file system is mounted read-only (EROFS, ERROR_WRITE_PROTECT).</summary>
    public static bool IsReadOnly(Exception ex) => ex switch
    {
        OutputWriteException { InnerException: { } inner } => IsReadOnly(inner),
        IOException io => io.HResult is Erofs or WinWriteProtect,
        _ => false,
    };

    /// <summary>True when the failure is the output itself (I/O or permissions), not a bug in a report.</summary>
    public static bool IsOutputFailure(Exception ex) => ex is IOException or UnauthorizedAccessException;

    /// <summary>
    /// The cause in Swedish with the system's own words in parentheses, paths left out (they name our own
    /// folder, which the caller states) and digits masked: "utdatamappen är full (No space left on device)".
    /// <paramref name="where"/> names the place: "utdatamappen", or "tillståndsfilens mapp" for the state.
    /// </summary>
    public static string Describe(Exception ex, string where = "utdatamappen")
    {
        if (ex is OutputWriteException { InnerException: { } inner }) ex = inner;
        var system = SystemText(ex.Message);
        var cause = ex switch
        {
            _ when IsDiskFull(ex) => where + " är full",
            _ when IsReadOnly(ex) => where + " är skrivskyddad",
            UnauthorizedAccessException => "skrivrätt saknas i " + where,
            IOException => "skrivfel i " + where,
            _ => null,
        };
        if (cause is null) return system.Length > 0 ? system : ex.GetType().Name;
        return system.Length > 0 ? $"{cause} ({system})" : cause;
    }

    /// <summary>The system's own message, one line, masked, without the path and the closing full stop (it goes in parentheses).</summary>
    public static string SystemText(string message) => SafeText.Message(WithoutPath(message)).TrimEnd('.');

    // .NET on Unix words it "No space left on device : '/out/results.csv.123.tmp'"; Windows "... : 'C:\\out\\...'".
    private static string WithoutPath(string message)
    {
        var cut = message.IndexOf(" : '", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Trim();
    }
}
