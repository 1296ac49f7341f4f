namespace ClassScan.Pipeline.Tests.Sources;

/// <summary>A fact that needs Linux: named pipes (mkfifo), bound Unix sockets and /dev devices.</summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux()) Skip = "makes named pipes, Unix sockets and links to /dev: Linux only";
    }
}
