using Xunit;

namespace ClassScan.TestSupport;

/// <summary>
/// A fact that needs Linux: POSIX signals to a process group (setsid, kill, SIGSTOP), named pipes (mkfifo), bound Unix
/// sockets and links to /dev. Skipped, with that reason, on other systems; CI is Linux, so these always run there.
/// </summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux()) Skip = "needs Linux (POSIX signals, named pipes, Unix sockets, /dev): not run on this system";
    }
}
