using System.Text.Json;
using ClassScan.Cli.Logging;
using Microsoft.Extensions.Logging;

namespace ClassScan.Cli.Tests;

public sealed class RollingJsonFileLoggerTests : IDisposable
{
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("classscan-log-");

    public void Dispose() => work.Delete(recursive: true);

    [Fact]
    public void Log_PastTheSize_RollsAndKeepsOnlyTheConfiguredNumber()
    {
        using (var provider = new RollingJsonFileLoggerProvider(work.FullName, maxBytes: 4096, keep: 2, LogLevel.Information))
        {
            var logger = provider.CreateLogger("Test");
            for (var i = 0; i < 300; i++) logger.LogInformation("Rad {Number} av {Total}", i, 300);
            logger.LogDebug("under nivån");
        }

        var files = Directory.GetFiles(work.FullName).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["classscan.1.jsonl", "classscan.2.jsonl", "classscan.jsonl"], files);
        foreach (var file in Directory.GetFiles(work.FullName))
        {
            Assert.True(new FileInfo(file).Length <= 4096, $"{file} is {new FileInfo(file).Length} bytes");
            foreach (var line in File.ReadLines(file))
            {
                using var doc = JsonDocument.Parse(line);
                Assert.Equal("Information", doc.RootElement.GetProperty("level").GetString());
                Assert.Equal(300, doc.RootElement.GetProperty("properties").GetProperty("Total").GetInt32());
            }
        }
        var last = File.ReadLines(Path.Combine(work.FullName, "classscan.jsonl")).Last();
        Assert.Contains("\"Number\":299", last);
    }

    [Fact]
    public void Log_Exception_TypeAndMaskedMessageOnly()
    {
        using (var provider = new RollingJsonFileLoggerProvider(work.FullName, 1 << 20, 1, LogLevel.Trace))
        {
            provider.CreateLogger("Test").LogError(new InvalidDataException("parser choked on 191212121212 at offset 4"), "Fel vid {Path}", "/a/b.pdf");
        }

        using var doc = JsonDocument.Parse(File.ReadAllLines(Path.Combine(work.FullName, "classscan.jsonl")).Single());
        var ex = doc.RootElement.GetProperty("exception");
        Assert.Equal("System.IO.InvalidDataException", ex.GetProperty("type").GetString());
        Assert.DoesNotContain("191212121212", ex.GetProperty("message").GetString());
        Assert.Equal("/a/b.pdf", doc.RootElement.GetProperty("properties").GetProperty("Path").GetString());
    }
}
