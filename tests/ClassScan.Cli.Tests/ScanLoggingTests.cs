using System.Text.Json;
using ClassScan.Cli.Configuration;
using ClassScan.Cli.Logging;
using ClassScan.Detection.Personnummer;
using Microsoft.Extensions.Logging;

namespace ClassScan.Cli.Tests;

/// <summary>The run's log file as ScanLogging sets it up: Serilog's file sink behind the masking logger.</summary>
public sealed class ScanLoggingTests : IDisposable
{
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("classscan-log-");

    public void Dispose() => work.Delete(recursive: true);

    private RunLogging Create(int megabytes = 1, int count = 5, string level = "Information") =>
        ScanLogging.Create(work.FullName, new LogSettings
        {
            ConsoleLevel = "None",
            FileLevel = level,
            FileMaxMegabytes = megabytes,
            FileCount = count,
            Folder = Path.Combine(work.FullName, "logg"),
        }, new IdentityNumberRedactor(TimeProvider.System));

    private string[] Files() =>
        Directory.Exists(Path.Combine(work.FullName, "logg"))
            ? [.. Directory.GetFiles(Path.Combine(work.FullName, "logg")).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal)]
            : [];

    private static JsonElement[] Lines(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var lines = new List<JsonElement>();
        while (reader.ReadLine() is { } line) lines.Add(JsonDocument.Parse(line).RootElement.Clone());
        return [.. lines];
    }

    [Fact]
    public void Log_PastTheSize_RollsAndKeepsOnlyTheConfiguredNumber()
    {
        const int total = 30_000; // about 4 MB at 1 MB a file
        string current;
        using (var logging = Create(megabytes: 1, count: 2))
        {
            var logger = logging.CreateLogger("Test");
            for (var i = 0; i < total; i++) logger.LogInformation("Rad {Number} av {Total} i en fil som heter {Name}", i, total, "protokoll.docx");
            logger.LogDebug("under nivån");
            current = logging.LogFile;
        }

        var files = Files();
        Assert.Equal(3, files.Length); // the current one and two rolled
        Assert.DoesNotContain("classscan.jsonl", files); // the first, oldest, is gone
        Assert.All(files, f => Assert.Matches(@"^classscan_\d{3}\.jsonl$", f));
        Assert.Equal(files[^1], Path.GetFileName(current));
        var numbers = new List<int>();
        foreach (var file in files)
        {
            var path = Path.Combine(work.FullName, "logg", file);
            Assert.True(new FileInfo(path).Length <= 1024 * 1024 + 200, $"{file} is {new FileInfo(path).Length} bytes");
            foreach (var line in Lines(path))
            {
                Assert.False(line.TryGetProperty("@l", out _)); // Information is the default level: not written
                Assert.Equal("Rad {Number} av {Total} i en fil som heter {Name}", line.GetProperty("@mt").GetString());
                Assert.Equal(total, line.GetProperty("Total").GetInt32());
                Assert.Equal("Test", line.GetProperty("SourceContext").GetString());
                numbers.Add(line.GetProperty("Number").GetInt32());
            }
        }
        Assert.Equal(total - 1, numbers[^1]);
        Assert.Equal(Enumerable.Range(numbers[0], numbers.Count), numbers); // nothing lost between the kept files
    }

    [Fact]
    public void Log_SmallRun_OneFileNamedClassscanJsonl()
    {
        string current;
        using (var logging = Create())
        {
            logging.CreateLogger("Test").LogWarning("Kunde inte läsa {Path}", "/a/Förvaltning/ärende.pdf");
            current = logging.LogFile;
        }

        Assert.Equal(["classscan.jsonl"], Files());
        Assert.Equal(Path.Combine(work.FullName, "logg", "classscan.jsonl"), current);
        var line = Assert.Single(Lines(current));
        Assert.Equal("Warning", line.GetProperty("@l").GetString());
        Assert.Equal("/a/Förvaltning/ärende.pdf", line.GetProperty("Path").GetString());
        Assert.Contains("/a/Förvaltning/ärende.pdf", File.ReadAllText(current)); // åäö readable, not \u00e4
    }

    [Fact]
    public void Log_BelowFileLevel_NotWritten()
    {
        using (var logging = Create(level: "Error"))
        {
            var logger = logging.CreateLogger("Test");
            logger.LogWarning("varning {N}", 1);
            logger.LogError("fel {N}", 2);
        }

        var line = Assert.Single(Lines(Path.Combine(work.FullName, "logg", "classscan.jsonl")));
        Assert.Equal(2, line.GetProperty("N").GetInt32());
    }

    [Fact]
    public void Log_FileLevelNone_WritesNoFile()
    {
        using (var logging = Create(level: "None")) logging.CreateLogger("Test").LogCritical("kritiskt {N}", 1);

        Assert.Empty(Files());
    }

    [Fact]
    public void Log_Exception_TypeMaskedMessageAndStackOnly()
    {
        string current;
        using (var logging = Create(level: "Trace"))
        {
            try
            {
                throw new InvalidDataException("parser choked on 191212121212 at offset 4", new FormatException("bytes 19121212-1212"));
            }
            catch (InvalidDataException e)
            {
                logging.CreateLogger("Test").LogError(e, "Fel vid {Path}", "/a/b.pdf");
            }
            current = logging.LogFile;
        }

        var text = File.ReadAllText(current);
        Assert.DoesNotContain("191212121212", text);
        Assert.DoesNotContain("1212-1212", text);
        var line = Assert.Single(Lines(current));
        var ex = line.GetProperty("@x").GetString()!;
        Assert.Equal("System.IO.InvalidDataException: parser choked on ############ at offset 4 ---> System.FormatException: bytes ########-1212", ex.Split('\n')[0]);
        Assert.Contains(nameof(Log_Exception_TypeMaskedMessageAndStackOnly), ex); // the stack trace stays
        Assert.Equal("/a/b.pdf", line.GetProperty("Path").GetString());
    }

    /// <summary>File names carry personnummer: the masking logger sits in front of the file, message and properties alike.</summary>
    [Theory]
    [InlineData("/G/IFO/19121212-1212 Tolvan utredning.docx", "/G/IFO/19121212-**** Tolvan utredning.docx")]
    [InlineData("/G/IFO/121212-1212.pdf", "/G/IFO/121212-****.pdf")]
    [InlineData("/G/IFO/protokoll-2024-03-05.pdf", "/G/IFO/protokoll-2024-03-05.pdf")]
    [InlineData("/G/IFO/dnr 2024-1234.pdf", "/G/IFO/dnr 2024-1234.pdf")]
    public void Log_PathWithIdentityNumber_MaskedInTheFile(string path, string expected)
    {
        string current;
        using (var logging = Create())
        {
            logging.CreateLogger("Test").LogWarning(new EventId(2, "FileNotRead"), "Kunde inte läsa {Path}: {Status}", path, "error");
            current = logging.LogFile;
        }

        var line = Assert.Single(Lines(current));
        Assert.Equal(expected, line.GetProperty("Path").GetString());
        Assert.Equal("FileNotRead", line.GetProperty("EventId").GetProperty("Name").GetString());
        if (expected != path) Assert.DoesNotContain("1212-1212", File.ReadAllText(current));
    }
}
