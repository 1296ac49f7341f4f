using ClassScan.TestSupport;

namespace ClassScan.Extraction.Tests;

/// <summary>
/// Golden files committed beside their tests (tests/ClassScan.Extraction.Tests/&lt;Format&gt;/Golden), each made by the
/// script in its folder; read from the repository, so no build step copies them.
/// </summary>
internal static class Golden
{
    public static byte[] Read(string format, string name) =>
        File.ReadAllBytes(Path.Combine(SharedData.RepoRoot, "tests", "ClassScan.Extraction.Tests", format, "Golden", name));
}
