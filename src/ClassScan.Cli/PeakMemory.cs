using System.Diagnostics;

namespace ClassScan.Cli;

/// <summary>Peak resident memory of this process (VmHWM on Linux, PeakWorkingSet64 elsewhere).</summary>
internal static class PeakMemory
{
    public static double WorkingSetMegabytes()
    {
        try
        {
            if (OperatingSystem.IsLinux())
            {
                foreach (var line in File.ReadLines("/proc/self/status"))
                {
                    if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                        return long.Parse(line[6..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
                }
            }
        }
        catch (IOException) { }
        using var p = Process.GetCurrentProcess();
        return p.PeakWorkingSet64 / 1048576.0;
    }
}
