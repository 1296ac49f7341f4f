using System.Runtime.InteropServices;

namespace ClassScan.Sources.FileSystem;

/// <summary>
/// Tells a regular file from the entries on Unix that only look like files to .NET: named pipes, sockets and
/// character/block devices. <see cref="FileSystemInfo.Attributes"/> reports all of them as
/// <see cref="FileAttributes.Normal"/> and <see cref="FileSystemInfo.UnixFileMode"/> carries only the permission
/// bits (checked on Linux with mkfifo, a bound Unix socket and /dev/null), so the file type comes from stat(2).
/// Opening a pipe nobody writes to blocks in the kernel until the fetch timeout, and reading a device such as
/// /dev/zero never ends, so these must be recognised without opening them.
/// </summary>
internal static class SpecialFileKind
{
    // The POSIX S_IFMT values; the runtime's PAL asserts that its mode bits equal them.
    private const int TypeMask = 0xF000;
    private const int Fifo = 0x1000;
    private const int CharacterDevice = 0x2000;
    private const int BlockDevice = 0x6000;
    private const int Socket = 0xC000;

    /// <summary>
    /// The reason for a result row when <paramref name="path"/> (after following links) is not a regular file
    /// or directory, e.g. "inte en vanlig fil (named pipe)"; null for regular files, on Windows, and when the
    /// type cannot be told (the entry vanished: opening it reports that).
    /// </summary>
    public static string? Describe(string path)
    {
        if (OperatingSystem.IsWindows()) return null;
        var kind = (ModeOf(path) & TypeMask) switch
        {
            Fifo => "named pipe",
            Socket => "socket",
            CharacterDevice or BlockDevice => "enhet",
            _ => null,
        };
        return kind is null ? null : $"inte en vanlig fil ({kind})";
    }

    private static int ModeOf(string path)
    {
        // SystemNative_Stat is the stat(2) wrapper that System.IO itself uses: one struct layout on every Unix
        // and architecture (Flags, then Mode, as two int32), unlike libc's struct stat. The buffer is larger
        // than the struct so that fields added by a later runtime cannot write past it.
        var status = new byte[512];
        try
        {
            return Stat(path, status) == 0 ? BitConverter.ToInt32(status, 4) : 0;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // A runtime without it: fall back to opening, where the fetch timeout still ends a pipe.
            return 0;
        }
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true)]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] status);
}
