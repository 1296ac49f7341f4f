namespace ClassScan.Architecture.Tests;

/// <summary>
/// The reviewed project graph. <see cref="AllowedArrows"/> is the graph as it is meant to be, arrow for arrow; a new
/// project reference is a deliberate edit here (and in docs/architecture.md). <see cref="LayerOf"/> and
/// <see cref="LayerMayReference"/> are the rule the table itself must obey, so a wrong-way arrow cannot be allowed by
/// just adding it to the table.
/// </summary>
internal static class ArchitectureRules
{
    public const string Core = "ClassScan.Core";
    public const string Policy = "ClassScan.Policy";
    public const string Detection = "ClassScan.Detection";
    public const string Extraction = "ClassScan.Extraction";
    public const string Language = "ClassScan.Language";
    public const string Pipeline = "ClassScan.Pipeline";
    public const string Classification = "ClassScan.Classification";
    public const string ExtractionIsolation = "ClassScan.Extraction.Isolation";
    public const string Ocr = "ClassScan.Ocr";
    public const string Reporting = "ClassScan.Reporting";
    public const string State = "ClassScan.State";
    public const string StateSqlite = "ClassScan.State.Sqlite";
    public const string StatePostgres = "ClassScan.State.Postgres";
    public const string SourcesFileSystem = "ClassScan.Sources.FileSystem";
    public const string SourcesGraph = "ClassScan.Sources.Graph";
    public const string Cli = "ClassScan.Cli";

    public static readonly IReadOnlyDictionary<string, Layer> LayerOf = new Dictionary<string, Layer>(StringComparer.Ordinal)
    {
        [Core] = Layer.Kernel,
        [Policy] = Layer.Domain,
        [Detection] = Layer.Domain,
        [Extraction] = Layer.Domain,
        [Language] = Layer.Domain,
        [Pipeline] = Layer.Application,
        [Classification] = Layer.Application,
        [ExtractionIsolation] = Layer.Adapter,
        [Ocr] = Layer.Adapter,
        [Reporting] = Layer.Adapter,
        [State] = Layer.Adapter,
        [StateSqlite] = Layer.Adapter,
        [StatePostgres] = Layer.Adapter,
        [SourcesFileSystem] = Layer.Adapter,
        [SourcesGraph] = Layer.Adapter,
        [Cli] = Layer.Host,
    };

    /// <summary>Which layers a project of each layer may reference at all. Within a layer the table decides.</summary>
    public static readonly IReadOnlyDictionary<Layer, IReadOnlySet<Layer>> LayerMayReference = new Dictionary<Layer, IReadOnlySet<Layer>>
    {
        [Layer.Kernel] = new HashSet<Layer>(),
        [Layer.Domain] = new HashSet<Layer> { Layer.Kernel, Layer.Domain },
        [Layer.Application] = new HashSet<Layer> { Layer.Kernel, Layer.Domain, Layer.Application },
        // Adapters speak Core's interfaces (IDocumentSource, IScanResultSink) and nothing of the rules or the pipeline.
        [Layer.Adapter] = new HashSet<Layer> { Layer.Kernel, Layer.Adapter },
        [Layer.Host] = new HashSet<Layer> { Layer.Kernel, Layer.Domain, Layer.Application, Layer.Adapter },
    };

    /// <summary>Every direct ProjectReference of every src project: from → to.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlySet<string>> AllowedArrows = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal)
    {
        [Core] = Set(),
        [Policy] = Set(Core),
        // Detectors cite the OSL provision table (OslProvisions) of the rule book.
        [Detection] = Set(Core, Policy),
        [Extraction] = Set(Core),
        [Language] = Set(Core),
        // The pipeline gets its detectors, extractors and policy through Core's interfaces, wired by the CLI.
        [Pipeline] = Set(Core),
        // The model is trained and evaluated over the pipeline's analysis and the rule engine's evidence.
        [Classification] = Set(Core, Policy, Pipeline),
        [ExtractionIsolation] = Set(Core),
        // OCR runs tesseract and pdftoppm behind Core's IPageRecognizer, like the extraction workers behind ITextExtractor.
        [Ocr] = Set(Core),
        [Reporting] = Set(Core),
        // The ports and the engine-neutral stages; no database package (the engines implement the ports).
        [State] = Set(Core),
        [StateSqlite] = Set(Core, State),
        // The shared engine of several scan nodes implements the same ports (Npgsql, migrations embedded).
        [StatePostgres] = Set(Core, State),
        [SourcesFileSystem] = Set(Core),
        // The Graph source keeps its delta cursors and feed in the state, through State's ports (never an engine).
        [SourcesGraph] = Set(Core, State),
        // The composition root may reference any project; today it reaches Policy through Detection only.
        [Cli] = Set(Core, Detection, Extraction, Language, Pipeline, Classification, ExtractionIsolation, Reporting, State, SourcesFileSystem, SourcesGraph, Ocr, StateSqlite, StatePostgres),
    };

    /// <summary>Every project reachable from <paramref name="project"/> through allowed arrows, itself excluded.</summary>
    public static IReadOnlySet<string> AllowedClosure(string project)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(AllowedArrows.GetValueOrDefault(project) ?? Set());
        while (pending.TryPop(out var next))
        {
            if (!seen.Add(next)) continue;
            foreach (var further in AllowedArrows.GetValueOrDefault(next) ?? Set()) pending.Push(further);
        }
        return seen;
    }

    /// <summary>Why the arrow from → to is not allowed, or null when the table has it.</summary>
    public static string? Violation(string from, string to)
    {
        if (!LayerOf.TryGetValue(from, out var fromLayer))
            return $"{from} → {to}: {from} is a new src project; give it a layer in ArchitectureRules.LayerOf and its arrows in AllowedArrows";
        if (!LayerOf.TryGetValue(to, out var toLayer))
            return $"{from} → {to}: {to} is a new src project; give it a layer in ArchitectureRules.LayerOf and its arrows in AllowedArrows";
        if (!LayerMayReference[fromLayer].Contains(toLayer))
        {
            var may = string.Join(", ", LayerMayReference[fromLayer].Order());
            return $"{from} → {to} points the wrong way: {from} is {fromLayer}, which may reference only [{may}], and {to} is {toLayer}";
        }
        if (AllowedArrows.TryGetValue(from, out var allowed) && allowed.Contains(to)) return null;
        return $"{from} → {to} is not in ArchitectureRules.AllowedArrows: it breaks no layer rule, but every arrow is a reviewed decision; if it is intended, add it to the table and to docs/architecture.md";
    }

    private static HashSet<string> Set(params string[] projects) => new(projects, StringComparer.Ordinal);
}
