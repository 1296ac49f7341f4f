using ClassScan.Cli.Configuration;
using ClassScan.Cli.Logging;
using ClassScan.Detection.Personnummer;
using Microsoft.Extensions.Logging;

namespace ClassScan.Cli.Tests.OutputFailure;

public sealed class LogOnFullDiskTests
{
    [SmallDiskFact]
    public void Log_DiskFull_LineLostWithoutThrowingAndLoggingResumesWithSpace()
    {
        using var disk = new SmallDisk(1);
        var folder = Path.Combine(disk.Root, "logg");
        string file;
        using (var logging = ScanLogging.Create(disk.Root, new LogSettings { Folder = folder, ConsoleLevel = "None" }, new IdentityNumberRedactor(TimeProvider.System)))
        {
            var logger = logging.CreateLogger("Test");
            logger.LogInformation("före {Number}", 1);
            disk.Fill();

            // The framework rethrows a provider's exception into the caller: this must not throw.
            for (var i = 0; i < 200; i++) logger.LogError("när disken är full {Number} {Padding}", i, new string('x', 200));
            File.Delete(Path.Combine(disk.Root, ".filler"));
            logger.LogInformation("efter {Number}", 2);
            file = logging.LogFile;
        }

        var text = File.ReadAllText(file);
        Assert.Contains("\"@mt\":\"före {Number}\",\"Number\":1", text);
        Assert.Contains("\"@mt\":\"efter {Number}\",\"Number\":2", text);
    }
}
