namespace ClassScan.Cli.Tests;

/// <summary>A fact that sends POSIX signals (setsid, kill): skipped off Linux.</summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux()) Skip = "sends POSIX signals to a process group: Linux only";
    }
}
