namespace ClassScan.TestSupport;

/// <summary>
/// Locates the read-only shared material (../shared beside the repo root). Tests that need it use
/// <see cref="SharedFactAttribute"/>/<see cref="SharedTheoryAttribute"/>: on a bare clone they are reported as
/// skipped ("not run"); in CI (<c>CLASSSCAN_REQUIRE_SHARED=1</c>) a missing folder fails them loudly instead.
/// </summary>
public static class SharedData
{
    public const string Category = "Shared";

    private static readonly Lazy<string?> root = new(Locate);

    /// <summary>Absolute path of the shared folder, or null when absent.</summary>
    public static string? Root => root.Value;

    public static bool Required => Environment.GetEnvironmentVariable("CLASSSCAN_REQUIRE_SHARED") == "1";

    /// <summary>Repository root (the folder holding ClassScan.sln).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>Path under the shared folder; fails the test with a clear message when it is missing.</summary>
    public static string Path(params string[] parts)
    {
        var r = Root ?? throw new InvalidOperationException(
            $"../shared was not found beside {RepoRoot}. Set CLASSSCAN_SHARED or place the shared folder there.");
        var p = System.IO.Path.Combine([r, .. parts]);
        if (!File.Exists(p) && !Directory.Exists(p))
            throw new FileNotFoundException($"Shared test material missing: {p}");
        return p;
    }

    internal static string? SkipReason =>
        Root is null && !Required ? "needs ../shared (not present on a bare clone): not run" : null;

    private static string? Locate()
    {
        var env = Environment.GetEnvironmentVariable("CLASSSCAN_SHARED");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env)) return System.IO.Path.GetFullPath(env);
        var candidate = System.IO.Path.GetFullPath(System.IO.Path.Combine(RepoRoot, "..", "shared"));
        return Directory.Exists(candidate) ? candidate : null;
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "ClassScan.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("ClassScan.sln not found above " + AppContext.BaseDirectory);
    }
}
