using System.Reflection;

namespace ClassScan.Architecture.Tests;

/// <summary>
/// Core and Detection are the part every scan and every test runs: they stay free of packages that bring a database,
/// a network client, a file format or a logging stack, so they load fast, test without a disk and cannot do I/O
/// behind the pipeline's back (banned/BannedSymbols.IO.txt bans the BCL's I/O APIs there too).
/// </summary>
public sealed class PackageBoundaryTests
{
    /// <summary>Package ids and the names their assemblies start with (PdfPig ships UglyToad.PdfPig.*).</summary>
    private static readonly string[] IoHeavyPrefixes =
    [
        "Microsoft.Data.Sqlite", "SQLitePCLRaw", "Microsoft.Graph", "Microsoft.Kiota", "Azure.", "Polly", "CsvHelper",
        "DocumentFormat.OpenXml", "PdfPig", "UglyToad.PdfPig", "MimeKit", "HtmlAgilityPack", "Microsoft.ML",
        "Serilog", "Spectre.Console", "System.CommandLine", "Microsoft.Extensions.FileSystemGlobbing",
        "Microsoft.Extensions.Configuration",
        "SharpCompress",
        "Npgsql",
    ];

    public static TheoryData<string> PureProjects() => new() { ArchitectureRules.Core, ArchitectureRules.Detection };

    [Theory]
    [MemberData(nameof(PureProjects))]
    public void PackageReferences_PureProjectAndWhatItReferences_NoIoHeavyPackage(string project)
    {
        var offending = WithClosure(project)
            .SelectMany(p => SrcProject.All[p].PackageReferences.Where(IsIoHeavy).Select(package => $"{p} → package {package}"))
            .ToList();

        Assert.True(offending.Count == 0, $"{project} pulls in I/O-heavy packages:\n" + string.Join("\n", offending));
    }

    [Theory]
    [MemberData(nameof(PureProjects))]
    public void CompiledReferences_PureProjectAndWhatItReferences_NoIoHeavyAssembly(string project)
    {
        var offending = WithClosure(project)
            .SelectMany(p => IoHeavyReferences(p).Select(name => $"{p} → assembly {name}"))
            .ToList();

        Assert.True(offending.Count == 0, $"{project} compiles against I/O-heavy assemblies:\n" + string.Join("\n", offending));
    }

    /// <summary>Projects that do carry such a package, so the probes above are seen to find one when it is there.</summary>
    public static TheoryData<string, string> AdapterPackages() => new()
    {
        { ArchitectureRules.StateSqlite, "Microsoft.Data.Sqlite" },
        { ArchitectureRules.StatePostgres, "Npgsql" },
        { ArchitectureRules.SourcesGraph, "Microsoft.Graph" },
        { ArchitectureRules.Extraction, "DocumentFormat.OpenXml" },
    };

    [Theory]
    [MemberData(nameof(AdapterPackages))]
    public void Probes_ProjectWithIoPackage_FindIt(string project, string package)
    {
        Assert.Contains(package, SrcProject.All[project].PackageReferences.Where(IsIoHeavy));
        Assert.Contains(package, IoHeavyReferences(project));
    }

    /// <summary>Projects that speak the state only through its ports: no database package, not even through a reference.</summary>
    public static TheoryData<string> PortUsers() => new() { ArchitectureRules.State, ArchitectureRules.SourcesGraph, ArchitectureRules.SourcesFileSystem, ArchitectureRules.Reporting };

    [Theory]
    [MemberData(nameof(PortUsers))]
    public void PackageReferences_StatePortUser_NoDatabasePackage(string project)
    {
        var offending = WithClosure(project)
            .SelectMany(p => SrcProject.All[p].PackageReferences.Where(IsDatabase).Select(package => $"{p} → package {package}"))
            .ToList();

        Assert.True(offending.Count == 0, $"{project} reaches a state engine's database package:\n" + string.Join("\n", offending));
    }

    [Fact]
    public void DatabaseProbe_SqliteEngine_FindsItsPackage()
    {
        Assert.Contains(SrcProject.All[ArchitectureRules.StateSqlite].PackageReferences, IsDatabase);
    }

    [Fact]
    public void DatabaseProbe_PostgresEngine_FindsItsPackage()
    {
        Assert.Contains(SrcProject.All[ArchitectureRules.StatePostgres].PackageReferences, IsDatabase);
    }

    private static bool IsDatabase(string package) =>
        package.StartsWith("Microsoft.Data.Sqlite", StringComparison.OrdinalIgnoreCase) || package.StartsWith("Npgsql", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<string> WithClosure(string project) => ArchitectureRules.AllowedClosure(project).Append(project);

    private static IEnumerable<string> IoHeavyReferences(string project) =>
        Assembly.Load(new AssemblyName(SrcProject.All[project].AssemblyName))
            .GetReferencedAssemblies()
            .Select(a => a.Name ?? "")
            .Where(IsIoHeavy);

    private static bool IsIoHeavy(string name) =>
        IoHeavyPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
}
