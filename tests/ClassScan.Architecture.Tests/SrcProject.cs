using System.Xml.Linq;

namespace ClassScan.Architecture.Tests;

/// <summary>
/// One project under src/, as its .csproj declares it: the project references and package references are read from
/// the file itself, not from a build, so an arrow someone adds is seen exactly as it was written.
/// </summary>
internal sealed record SrcProject(string Name, string AssemblyName, IReadOnlySet<string> ProjectReferences, IReadOnlySet<string> PackageReferences)
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);
    private static readonly Lazy<IReadOnlyDictionary<string, SrcProject>> LazyAll = new(ReadAll);

    /// <summary>The repository root: the folder holding ClassScan.sln, found upwards from the test binaries.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>Every src/*/*.csproj by project name.</summary>
    public static IReadOnlyDictionary<string, SrcProject> All => LazyAll.Value;

    /// <summary>The project whose assembly has this name (the CLI's assembly is "classscan", not its project name).</summary>
    public static SrcProject? ByAssemblyName(string assemblyName) =>
        All.Values.SingleOrDefault(p => string.Equals(p.AssemblyName, assemblyName, StringComparison.Ordinal));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ClassScan.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"no ClassScan.sln above {AppContext.BaseDirectory}");
    }

    private static IReadOnlyDictionary<string, SrcProject> ReadAll()
    {
        var projects = new SortedDictionary<string, SrcProject>(StringComparer.Ordinal);
        foreach (var path in Directory.GetFiles(Path.Combine(Root, "src"), "*.csproj", SearchOption.AllDirectories))
        {
            var project = Read(path);
            projects.Add(project.Name, project);
        }
        return projects;
    }

    private static SrcProject Read(string path)
    {
        var xml = XDocument.Load(path);
        var name = Path.GetFileNameWithoutExtension(path);
        var assemblyName = xml.Descendants("AssemblyName").Select(e => e.Value.Trim()).LastOrDefault() ?? name;
        // Include paths use either separator; only the project's file name identifies it.
        var projectReferences = xml.Descendants("ProjectReference")
            .Select(e => Path.GetFileNameWithoutExtension(((string?)e.Attribute("Include") ?? "").Replace('\\', '/')))
            .ToHashSet(StringComparer.Ordinal);
        var packageReferences = xml.Descendants("PackageReference")
            .Select(e => (string?)e.Attribute("Include") ?? "")
            .ToHashSet(StringComparer.Ordinal);
        return new SrcProject(name, assemblyName, projectReferences, packageReferences);
    }
}
