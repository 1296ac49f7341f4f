namespace ClassScan.Benchmarks;

/// <summary>Finds ../shared beside the repository (or CLASSSCAN_SHARED) for file-based benchmarks.</summary>
public static class BenchmarkData
{
    /// <summary>The committed classifier, models/klassa.zip in the repository.</summary>
    public static string Model()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var model = Path.Combine(dir.FullName, "models", "klassa.zip");
                if (File.Exists(Path.Combine(dir.FullName, "ClassScan.sln")) && File.Exists(model)) return model;
            }
        }
        throw new FileNotFoundException("models/klassa.zip not found above the working directory.");
    }

    public static string Shared()
    {
        var env = Environment.GetEnvironmentVariable("CLASSSCAN_SHARED");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env)) return env;
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ClassScan.sln")))
                {
                    var shared = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
                    if (Directory.Exists(shared)) return shared;
                }
            }
        }
        throw new DirectoryNotFoundException("../shared not found beside the repository; set CLASSSCAN_SHARED.");
    }
}
