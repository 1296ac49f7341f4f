using Xunit;

namespace ClassScan.TestSupport;

/// <summary>
/// A fact about file permissions that needs an unprivileged test process: root reads every folder, so as root (CI)
/// the check could not fail. Skipped there with that reason; the CLI's HostileFolderScanTests covers the same case
/// as root by running the scan as the user "nobody".
/// </summary>
public sealed class UnprivilegedFactAttribute : FactAttribute
{
    public UnprivilegedFactAttribute()
    {
        if (OperatingSystem.IsWindows()) Skip = "needs POSIX file modes: not run on Windows";
        else if (Environment.UserName == "root") Skip = "root reads every folder, so a permission check cannot fail: not run as root (HostileFolderScanTests runs the scan as nobody instead)";
    }
}
