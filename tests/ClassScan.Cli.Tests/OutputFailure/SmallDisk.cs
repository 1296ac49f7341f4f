using System.Diagnostics;
using System.Globalization;

namespace ClassScan.Cli.Tests.OutputFailure;

/// <summary>
/// A real, small file system: a tmpfs of a few MB mounted on a temp folder, that a test fills to the last byte
/// (ENOSPC from the kernel, not a simulation) or remounts read-only (EROFS, which stops root too, unlike chmod).
/// Needs Linux and the right to mount (root or CAP_SYS_ADMIN, as in the CI container); <see cref="SmallDiskFactAttribute"/>
/// skips the test, with that reason, where it is missing.
/// </summary>
internal sealed class SmallDisk : IDisposable
{
    private readonly string mountPoint;
    private readonly string filler;

    public SmallDisk(int megabytes)
    {
        mountPoint = Directory.CreateTempSubdirectory("classscan-smalldisk-").FullName;
        filler = Path.Combine(mountPoint, ".filler");
        if (Run("mount", "-t", "tmpfs", "-o", $"size={megabytes.ToString(CultureInfo.InvariantCulture)}m", "tmpfs", mountPoint) is { } error)
        {
            Directory.Delete(mountPoint);
            throw new InvalidOperationException("mount tmpfs: " + error);
        }
    }

    public string Root => mountPoint;

    /// <summary>Writes a filler file until the kernel says the disk is full. Returns the bytes it took.</summary>
    public long Fill()
    {
        using var f = new FileStream(filler, FileMode.Append, FileAccess.Write, FileShare.ReadWrite, bufferSize: 1);
        var block = new byte[4096];
        long written = 0;
        try
        {
            while (true)
            {
                f.Write(block);
                written += block.Length;
            }
        }
        catch (IOException ex) when (ex.HResult == 28)
        {
            // ENOSPC: full to the last page.
        }
        return written;
    }

    public long FreeBytes => new DriveInfo(mountPoint).AvailableFreeSpace;

    public void MakeReadOnly()
    {
        if (Run("mount", "-o", "remount,ro", mountPoint) is { } error) throw new InvalidOperationException("remount ro: " + error);
    }

    public void Dispose()
    {
        // Lazy: a child process that still holds a file must not leave the mount behind.
        Run("umount", "-l", mountPoint);
        try { Directory.Delete(mountPoint, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>Whether this machine lets a test mount a tmpfs (probed once).</summary>
    public static string? Unavailable => Probe.Value;

    private static readonly Lazy<string?> Probe = new(() =>
    {
        if (!OperatingSystem.IsLinux()) return "needs Linux (tmpfs)";
        try
        {
            using var disk = new SmallDisk(1);
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or IOException)
        {
            return "cannot mount a small tmpfs here (needs root or CAP_SYS_ADMIN): " + ex.Message;
        }
    });

    private static string? Run(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEnd();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return p.ExitCode == 0 ? null : $"exit {p.ExitCode}: {err.Trim()}";
    }
}
