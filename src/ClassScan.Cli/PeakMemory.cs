using System.Diagnostics;
using System.Globalization;

namespace ClassScan.Cli;

/// <summary>Resident memory and CPU time of this process (and its ended children) from /proc on Linux.</summary>
internal static class PeakMemory
{
    /// <summary>Peak resident memory of this process (VmHWM on Linux, PeakWorkingSet64 elsewhere).</summary>
    public static double WorkingSetMegabytes()
    {
        var kb = StatusKilobytes("VmHWM:");
        if (kb > 0) return kb / 1024.0;
        using var p = Process.GetCurrentProcess();
        return p.PeakWorkingSet64 / 1048576.0;
    }

    /// <summary>Current resident memory of this process in bytes (VmRSS on Linux, WorkingSet64 elsewhere).</summary>
    public static long ResidentBytes()
    {
        var kb = StatusKilobytes("VmRSS:");
        if (kb > 0) return kb * 1024;
        using var p = Process.GetCurrentProcess();
        return p.WorkingSet64;
    }

    /// <summary>
    /// CPU time (user + system) of this process and of its children that have ended and been waited for
    /// (the extraction workers, once the pool is disposed). Falls back to this process alone off Linux.
    /// </summary>
    public static TimeSpan CpuTimeWithChildren()
    {
        if (OperatingSystem.IsLinux())
        {
            try
            {
                // /proc/self/stat: "pid (comm) state ..." – fields after the comm; utime stime cutime cstime are 14-17.
                var stat = File.ReadAllText("/proc/self/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                long ticks = 0;
                for (var i = 11; i <= 14; i++) ticks += long.Parse(fields[i], CultureInfo.InvariantCulture);
                return TimeSpan.FromSeconds(ticks / 100.0); // USER_HZ is 100 on Linux
            }
            catch (Exception ex) when (ex is IOException or FormatException or IndexOutOfRangeException) { }
        }
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    private static long StatusKilobytes(string field)
    {
        if (!OperatingSystem.IsLinux()) return 0;
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (!line.StartsWith(field, StringComparison.Ordinal)) continue;
                var value = line.AsSpan(field.Length).Trim();
                var space = value.IndexOf(' ');
                return long.TryParse(space < 0 ? value : value[..space], NumberStyles.None, CultureInfo.InvariantCulture, out var kb) ? kb : 0;
            }
        }
        catch (IOException) { }
        return 0;
    }
}
