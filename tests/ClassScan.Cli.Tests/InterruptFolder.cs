using System.Globalization;

namespace ClassScan.Cli.Tests;

/// <summary>
/// A folder of 4000 text files of about 17 KB (70 MB), made once per test class: a scan of it takes 10-20 s,
/// so it is still running well after it got under way, even on a fast machine (2 KB files were done in 5 s).
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
                string.Concat(Enumerable.Repeat($"Protokoll {i}. Kommunstyrelsen beslutade att bifalla motionen om ett nytt bibliotek. ", 200)));
        }
    }

    public string Input => Path.Combine(root.FullName, "in");

    public void Dispose() => root.Delete(recursive: true);
}
