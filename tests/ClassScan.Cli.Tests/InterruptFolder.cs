using System.Globalization;

namespace ClassScan.Cli.Tests;

/// <summary>
/// A folder of 4000 small text files, made once per test class: enough that a scan is still running
/// a second after it started, even on a fast machine.
/// </summary>
public sealed class InterruptFolder : IDisposable
{
    public const int Files = 4000;

    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("classscan-interrupt-");

    public InterruptFolder()
    {
        for (var i = 0; i < Files; i++)
        {
            var dir = Path.Combine(root.FullName, "in", "mapp" + (i % 20).ToString(CultureInfo.InvariantCulture));
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, $"protokoll{i.ToString(CultureInfo.InvariantCulture)}.txt"),
                string.Concat(Enumerable.Repeat($"Protokoll {i}. Kommunstyrelsen beslutade att bifalla motionen om ett nytt bibliotek. ", 20)));
        }
    }

    public string Input => Path.Combine(root.FullName, "in");

    public void Dispose() => root.Delete(recursive: true);
}
