using ClassScan.Classification.Data;
using ClassScan.Core.Documents;
using ClassScan.Core.Findings;
using ClassScan.Detection.Personnummer;
using ClassScan.Extraction;
using ClassScan.TestSupport;

namespace ClassScan.Classification.Tests;

/// <summary>
/// Reads shared/corpus/dev the way a scan does (ExtractorSelector + every detector of ClassScan.Detection), until the
/// CLI's train/evaluate commands do the same. Only this test project references Extraction and Detection.
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

    public static ExtractedText? ReadText(string path)
    {
        using var stream = File.OpenRead(path);
        var head = new byte[ExtractorSelector.RecommendedHeadBytes];
        var n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        var extractor = ExtractorSelector.Default.Select(Path.GetFileName(path), head.AsSpan(0, n));
        return extractor?.Extract(stream, ExtractionLimits.Default, CancellationToken.None);
    }

    public static CorpusOptions Options(string? split) => new()
    {
        CorpusDirectory = Directory,
        LabelsPath = Labels,
        TextProvider = ReadText,
        Detectors = Detectors(),
        Split = split,
    };
}
