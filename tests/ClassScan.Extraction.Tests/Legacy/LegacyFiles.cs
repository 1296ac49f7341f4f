namespace ClassScan.Extraction.Tests.Legacy;

/// <summary>The committed legacy golden files (made by files/make.sh), copied next to the test assembly.</summary>
internal static class LegacyFiles
{
    public static byte[] Read(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Legacy", "files", name));
}
