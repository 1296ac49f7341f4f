using System.Reflection;

namespace ClassScan.Architecture.Tests;

/// <summary>
/// Types are internal unless another src assembly needs them (tests see internals through InternalsVisibleTo). The
/// number of exported types per assembly is pinned, so a new public type is a deliberate edit of this table, and a
/// type made internal lowers its pin at once, so the table never hides room to grow.
/// </summary>
public sealed class PublicSurfaceTests
{
    /// <summary>Exported types (public, and public nested in public) per src project.</summary>
    private static readonly IReadOnlyDictionary<string, int> PinnedPublicTypes = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        [ArchitectureRules.Core] = 55,
        [ArchitectureRules.Policy] = 3,
        [ArchitectureRules.Detection] = 2,
        [ArchitectureRules.Extraction] = 1,
        [ArchitectureRules.Language] = 1,
        [ArchitectureRules.Pipeline] = 5,
        [ArchitectureRules.Classification] = 30,
        [ArchitectureRules.ExtractionIsolation] = 3,
        [ArchitectureRules.Ocr] = 2,
        [ArchitectureRules.Reporting] = 16,
        [ArchitectureRules.State] = 53,
        [ArchitectureRules.StateSqlite] = 3,
        // PostgresStateStore: the shared engine the CLI opens for a --state connection string.
        [ArchitectureRules.StatePostgres] = 2,
        [ArchitectureRules.SourcesFileSystem] = 1,
        [ArchitectureRules.SourcesGraph] = 7,
        [ArchitectureRules.Cli] = 13,
    };

    public static TheoryData<string> SrcProjects() => new(SrcProject.All.Keys);

    [Theory]
    [MemberData(nameof(SrcProjects))]
    public void ExportedTypes_SrcAssembly_MatchPinnedCount(string project)
    {
        Assert.True(PinnedPublicTypes.TryGetValue(project, out var pinned), $"{project} has no pinned public type count in PublicSurfaceTests");
        var exported = Assembly.Load(new AssemblyName(SrcProject.All[project].AssemblyName))
            .GetExportedTypes()
            .Select(t => t.FullName ?? t.Name)
            .Order(StringComparer.Ordinal)
            .ToList();
        var list = string.Join("\n  ", exported);

        Assert.False(exported.Count > pinned,
            $"{project} exports {exported.Count} types, pinned at {pinned}: make the new type internal (tests see internals " +
            $"through InternalsVisibleTo), or, if another src assembly needs it, raise the pin deliberately.\n  {list}");
        Assert.False(exported.Count < pinned,
            $"{project} exports {exported.Count} types, fewer than the pin {pinned}: lower the pin to {exported.Count}.\n  {list}");
    }

    [Fact]
    public void PinnedPublicTypes_Table_CoversExactlyTheSrcProjects()
    {
        Assert.Equal(SrcProject.All.Keys.Order().ToList(), PinnedPublicTypes.Keys.Order().ToList());
    }
}
