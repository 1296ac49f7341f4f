using ClassScan.Classification.Data;
using ClassScan.Core.Findings;
using ClassScan.Classification.Tests.Support;
using ClassScan.Detection.Personnummer;
using ClassScan.TestSupport;

namespace ClassScan.Classification.Tests;

/// <summary>
/// Reads shared/corpus/dev the way a scan does: a DocumentAnalyzer with ExtractorSelector + every detector of
/// ClassScan.Detection. Only this test project references Extraction and Detection.
/// </summary>
internal static class DevCorpus
{
    public static string Directory => SharedData.Path("corpus", "dev");

    public static string Labels => SharedData.Path("corpus", "dev", "labels.csv");

    /// <summary>Every concrete detector with a parameterless constructor, by id: new detectors join without an edit here.</summary>
    public static IReadOnlyList<IDetector> Detectors() =>
        [.. typeof(PersonnummerDetector).Assembly.GetTypes()
            .Where(t => typeof(IDetector).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false } && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (IDetector)Activator.CreateInstance(t)!)
            .OrderBy(d => d.Id, StringComparer.Ordinal)];

    /// <summary>The dev set read through a scan's analyzer (rules-only policy: the model is scored on its own).</summary>
    public static CorpusOptions Options(string? split) => new()
    {
        Sets = [new LabelledSet("dev", Directory, Labels)],
        Analyzer = ScanAnalyzers.AllDetectors(),
        DetectorIds = [.. Detectors().Select(d => d.Id)],
        Split = split,
    };
}
