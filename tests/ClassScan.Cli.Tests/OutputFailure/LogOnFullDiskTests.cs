using ClassScan.Cli.Logging;
using Microsoft.Extensions.Logging;

namespace ClassScan.Cli.Tests.OutputFailure;

public sealed class LogOnFullDiskTests
{
    [SmallDiskFact]
    public void Log_DiskFull_LineLostWithoutThrowingAndLoggingResumesWithSpace()
    {
        using var disk = new SmallDisk(1);
        var folder = Path.Combine(disk.Root, "logg");
        using var provider = new RollingJsonFileLoggerProvider(folder, maxBytes: 1 << 20, keep: 2, LogLevel.Information);
        var logger = provider.CreateLogger("Test");
        logger.LogInformation("före {Number}", 1);
        disk.Fill();

        // The framework rethrows a provider's exception into the caller: this must not throw.
        for (var i = 0; i < 200; i++) logger.LogError("när disken är full {Number} {Padding}", i, new string('x', 200));
        File.Delete(Path.Combine(disk.Root, ".filler"));
        logger.LogInformation("efter {Number}", 2);

        var text = File.ReadAllText(provider.CurrentFile);
        Assert.Contains("före 1", text);
        Assert.Contains("efter 2", text);
    }
}
