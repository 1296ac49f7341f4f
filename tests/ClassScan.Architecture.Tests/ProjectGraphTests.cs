using System.Reflection;

namespace ClassScan.Architecture.Tests;

/// <summary>
/// Pins the src project graph to <see cref="ArchitectureRules.AllowedArrows"/>: first as the .csproj files declare it,
/// then as the compiled assemblies reference each other (which also sees a reference that came in by another road,
/// e.g. a transitive one a type started to use directly).
/// </summary>
public sealed class ProjectGraphTests
{
    [Fact]
    public void ProjectReferences_EverySrcProject_OnlyAllowedArrows()
    {
        var violations = SrcProject.All.Values
            .SelectMany(p => p.ProjectReferences.Select(to => ArchitectureRules.Violation(p.Name, to)))
            .OfType<string>()
            .ToList();

        Assert.True(violations.Count == 0, "project references outside the allowed graph:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void AllowedArrows_EveryArrow_IsStillAProjectReference()
    {
        // The table is the documented graph: an arrow removed from a .csproj is removed here too, so it stays true.
        var stale = ArchitectureRules.AllowedArrows
            .SelectMany(kv => kv.Value.Select(to => (From: kv.Key, To: to)))
            .Where(a => !SrcProject.All.TryGetValue(a.From, out var p) || !p.ProjectReferences.Contains(a.To))
            .Select(a => $"{a.From} → {a.To}")
            .ToList();

        Assert.True(stale.Count == 0, "arrows in ArchitectureRules.AllowedArrows that no .csproj has any more (remove them):\n" + string.Join("\n", stale));
    }

    [Fact]
    public void AllowedArrows_Table_CoversExactlyTheSrcProjects()
    {
        var projects = SrcProject.All.Keys.Order().ToList();

        Assert.Equal(projects, ArchitectureRules.AllowedArrows.Keys.Order().ToList());
        Assert.Equal(projects, ArchitectureRules.LayerOf.Keys.Order().ToList());
    }

    [Fact]
    public void AllowedArrows_Table_BreaksNoLayerRule()
    {
        var wrong = ArchitectureRules.AllowedArrows
            .SelectMany(kv => kv.Value.Select(to => ArchitectureRules.Violation(kv.Key, to)))
            .OfType<string>()
            .ToList();

        Assert.True(wrong.Count == 0, "the allowed-arrows table itself has wrong-way arrows:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void Core_ProjectReferences_None()
    {
        Assert.Empty(SrcProject.All[ArchitectureRules.Core].ProjectReferences);
    }

    [Fact]
    public void Cli_ReferencedBySrcProjects_None()
    {
        var referrers = SrcProject.All.Values.Where(p => p.ProjectReferences.Contains(ArchitectureRules.Cli)).Select(p => p.Name).ToList();

        Assert.True(referrers.Count == 0, "the composition root is referenced by " + string.Join(", ", referrers));
    }

    /// <summary>Arrows that must never exist, whatever the table says: the rules on text and bytes know no adapter and no host.</summary>
    public static TheoryData<string, string> ForbiddenArrows()
    {
        var data = new TheoryData<string, string>();
        string[] inner = [ArchitectureRules.Core, ArchitectureRules.Policy, ArchitectureRules.Detection, ArchitectureRules.Extraction, ArchitectureRules.Language];
        string[] outer = [ArchitectureRules.State, ArchitectureRules.Reporting, ArchitectureRules.SourcesFileSystem, ArchitectureRules.SourcesGraph, ArchitectureRules.ExtractionIsolation, ArchitectureRules.Ocr, ArchitectureRules.Pipeline, ArchitectureRules.Classification, ArchitectureRules.Cli];
        foreach (var from in inner)
        {
            foreach (var to in outer) data.Add(from, to);
        }
        // The pipeline works on Core's interfaces; the concrete sources and sinks are the CLI's to choose.
        foreach (var to in new[] { ArchitectureRules.State, ArchitectureRules.Reporting, ArchitectureRules.SourcesFileSystem, ArchitectureRules.SourcesGraph, ArchitectureRules.ExtractionIsolation, ArchitectureRules.Ocr, ArchitectureRules.Cli })
        {
            data.Add(ArchitectureRules.Pipeline, to);
        }
        // Sources, reports and the stages speak the state's ports; only the composition root chooses an engine.
        foreach (var from in new[] { ArchitectureRules.State, ArchitectureRules.Reporting, ArchitectureRules.SourcesFileSystem, ArchitectureRules.SourcesGraph, ArchitectureRules.Pipeline })
        {
            data.Add(from, ArchitectureRules.StateSqlite);
            data.Add(from, ArchitectureRules.StatePostgres);
        }
        // Adapters never reach into the rules: a report or a source that classified would be a second rule book.
        foreach (var from in new[] { ArchitectureRules.Reporting, ArchitectureRules.State, ArchitectureRules.SourcesFileSystem, ArchitectureRules.SourcesGraph, ArchitectureRules.ExtractionIsolation, ArchitectureRules.Ocr })
        {
            foreach (var to in new[] { ArchitectureRules.Policy, ArchitectureRules.Detection, ArchitectureRules.Pipeline, ArchitectureRules.Classification, ArchitectureRules.Cli })
            {
                data.Add(from, to);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ForbiddenArrows))]
    public void ForbiddenArrow_InCsprojAndTable_Absent(string from, string to)
    {
        Assert.DoesNotContain(to, SrcProject.All[from].ProjectReferences);
        Assert.DoesNotContain(to, ArchitectureRules.AllowedClosure(from));
        Assert.NotNull(ArchitectureRules.Violation(from, to));
    }

    /// <summary>Arrows the graph has today, each of which the rules must accept (so the check above is not vacuous).</summary>
    public static TheoryData<string, string> ExpectedArrows() => new()
    {
        { ArchitectureRules.Policy, ArchitectureRules.Core },
        { ArchitectureRules.Detection, ArchitectureRules.Core },
        { ArchitectureRules.Detection, ArchitectureRules.Policy },
        { ArchitectureRules.Extraction, ArchitectureRules.Core },
        { ArchitectureRules.Language, ArchitectureRules.Core },
        { ArchitectureRules.Pipeline, ArchitectureRules.Core },
        { ArchitectureRules.Classification, ArchitectureRules.Pipeline },
        { ArchitectureRules.SourcesGraph, ArchitectureRules.State },
        { ArchitectureRules.StateSqlite, ArchitectureRules.State },
        { ArchitectureRules.Cli, ArchitectureRules.StateSqlite },
        { ArchitectureRules.StatePostgres, ArchitectureRules.State },
        { ArchitectureRules.Cli, ArchitectureRules.StatePostgres },
        { ArchitectureRules.Cli, ArchitectureRules.SourcesGraph },
        { ArchitectureRules.Cli, ArchitectureRules.Detection },
        { ArchitectureRules.Ocr, ArchitectureRules.Core },
        { ArchitectureRules.Cli, ArchitectureRules.Ocr },
    };

    [Theory]
    [MemberData(nameof(ExpectedArrows))]
    public void ExpectedArrow_InCsprojAndTable_Present(string from, string to)
    {
        Assert.Contains(to, SrcProject.All[from].ProjectReferences);
        Assert.Null(ArchitectureRules.Violation(from, to));
    }

    [Fact]
    public void Violation_ArrowUpTheLayers_SaysItPointsTheWrongWay()
    {
        var message = ArchitectureRules.Violation(ArchitectureRules.Detection, ArchitectureRules.State);

        Assert.NotNull(message);
        Assert.Contains("points the wrong way", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Violation_SameLayerArrowNotInTable_SaysItIsNotInTheTable()
    {
        // Reporting → State breaks no layer rule (adapter to adapter), but nobody reviewed it.
        var message = ArchitectureRules.Violation(ArchitectureRules.Reporting, ArchitectureRules.State);

        Assert.NotNull(message);
        Assert.Contains("not in ArchitectureRules.AllowedArrows", message, StringComparison.Ordinal);
    }

    [Fact]
    public void CompiledReferences_EverySrcAssembly_WithinAllowedGraph()
    {
        // The compiler records an assembly reference only for what a project really uses, and a project may use what
        // its references bring along (the CLI uses Policy through Detection): so the check is against the closure.
        var violations = new List<string>();
        foreach (var project in SrcProject.All.Values)
        {
            var assembly = Assembly.Load(new AssemblyName(project.AssemblyName));
            var closure = ArchitectureRules.AllowedClosure(project.Name);
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                var target = SrcProject.ByAssemblyName(reference.Name ?? "");
                if (target is null || closure.Contains(target.Name)) continue;
                violations.Add(ArchitectureRules.Violation(project.Name, target.Name)
                    ?? $"{project.Name} → {target.Name}: the compiled assembly references it, but no allowed arrow leads there");
            }
        }

        Assert.True(violations.Count == 0, "compiled references outside the allowed graph:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void CompiledReferences_Classification_SeesPipelineAndPolicy()
    {
        // The reflection check reads real references: Classification compiles against both of its project references.
        var names = Assembly.Load(new AssemblyName("ClassScan.Classification")).GetReferencedAssemblies().Select(a => a.Name).ToList();

        Assert.Contains(ArchitectureRules.Pipeline, names);
        Assert.Contains(ArchitectureRules.Policy, names);
    }
}
