using ClassScan.Core.Scanning;
using Microsoft.Data.Sqlite;

namespace ClassScan.State.Sqlite;

/// <summary>
/// Words a failed state write as the reason that ends the run incomplete. SQLite reports a full disk as
/// SQLITE_FULL, not as an <see cref="IOException"/>, so the pipeline could not name it on its own. SQLite rolls the
/// failed transaction back, so the file keeps every verdict committed before it and stays consistent.
/// </summary>
public static class StateWriteFailure
{
    // Primary result codes (the low byte of an extended one): https://sqlite.org/rescode.html
    private const int Perm = 3, ReadOnly = 8, IoErr = 10, Full = 13, CantOpen = 14;

    /// <summary>
    /// The failure as an <see cref="OutputWriteException"/> ("tillståndet kunde inte sparas: disken för tillståndsfilen
    /// är full (…)"), or null when it is not a write failure of the file (a bug, a closed store): those stay as they are.
    /// </summary>
    /// <param name="ex">What the store threw.</param>
    /// <param name="path">The state file, if known: a "disk I/O error" on a disk with no space left is called full
    /// (SQLite says I/O error when it cannot even create its -wal or -shm file).</param>
    public static OutputWriteException? From(Exception ex, string? path = null) =>
        Cause(ex, path) is { } cause ? new OutputWriteException("tillståndet kunde inte sparas: " + cause, ex) : null;

    /// <summary>The cause alone ("tillståndsfilens mapp är full (…)"), or null when it is not a write failure of the file.</summary>
    public static string? Cause(Exception ex, string? path = null)
    {
        const string Where = "tillståndsfilens mapp";
        return ex switch
        {
            SqliteException s => (s.SqliteErrorCode & 0xFF) switch
            {
                Full => Where + " är full",
                ReadOnly or Perm => Where + " är skrivskyddad eller saknar skrivrätt",
                IoErr or CantOpen when NoSpaceLeft(path) => Where + " är full",
                IoErr or CantOpen => "skrivfel i " + Where,
                _ => null,
            } is { } c ? $"{c} ({OutputWriteException.SystemText(s.Message)})" : null,
            _ when OutputWriteException.IsOutputFailure(ex) => OutputWriteException.Describe(ex, Where),
            _ => null,
        };
    }

    private static bool NoSpaceLeft(string? path)
    {
        if (path is null) return false;
        try
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(path));
            // Less than one SQLite page (4 KiB) is as good as nothing: the WAL grows a page at a time.
            return dir is not null && new DriveInfo(dir).AvailableFreeSpace < 4096;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return false; // then it stays "skrivfel", which is still true
        }
    }
}
