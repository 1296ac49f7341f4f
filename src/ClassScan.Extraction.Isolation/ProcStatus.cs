using System.Globalization;

namespace ClassScan.Extraction.Isolation;

/// <summary>Reads one "Name:   123 kB" field of /proc/PID/status (Linux); 0 elsewhere or once the process is gone.</summary>
internal static class ProcStatus
{
    public static long ReadKilobytes(int pid, string field)
    {
        if (!OperatingSystem.IsLinux()) return 0;
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status"))
            {
                if (!line.StartsWith(field, StringComparison.Ordinal)) continue;
                var value = line.AsSpan(field.Length).Trim();
                var space = value.IndexOf(' ');
                return long.TryParse(space < 0 ? value : value[..space], NumberStyles.None, CultureInfo.InvariantCulture, out var kb) ? kb : 0;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
        return 0;
    }
}
