using ClassScan.Classification.Evaluation;
using ClassScan.Core.Documents;
using ClassScan.Core.Privacy;
using ClassScan.Core.Scanning;
using ClassScan.Pipeline;

namespace ClassScan.Classification.Data;

/// <summary>
/// Reads every selected labelled file of every set, in parallel, through the scan's analyzer. Order follows the
/// sets, then the labels files. A file the scan would not judge (no text, unsupported, encrypted, error, a
/// truncated text that is not already level 2-3) is skipped with the scan's status and reason.
/// </summary>
internal static class LabelledCorpus
{
    public static PreparedCorpus Prepare(CorpusOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        var rows = new List<(LabelledSet Set, LabelledDocument Row)>();
        foreach (var set in options.Sets)
        {
            foreach (var row in LabelsCsv.Read(set.LabelsPath))
                if (options.Split is null || string.Equals(row.Split, options.Split, StringComparison.OrdinalIgnoreCase))
                    rows.Add((set, row));
        }

        var prepared = new PreparedDocument?[rows.Count];
        var skipped = new SkippedDocument?[rows.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxDegreeOfParallelism), CancellationToken = ct };
        Parallel.For(0, rows.Count, parallel, i =>
        {
            var (set, row) = rows[i];
            var path = Path.GetFullPath(Path.Combine(set.Directory, row.File));
            if (!File.Exists(path))
            {
                skipped[i] = new(row.File, "file not found", set.Name, "missing");
                return;
            }
            AnalysisWithEvidence result;
            try
            {
                result = Analyze(options, path, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Opening failed (the analyzer itself turns parser failures into statuses).
                skipped[i] = new(row.File, $"kunde inte öppnas ({ex.GetType().Name}): {SafeText.Message(ex.Message)}", set.Name);
                return;
            }
            if (result is { Analysis.Status: ScanStatus.Ok, Analysis.Classification: not null, Text: { } text })
                prepared[i] = new PreparedDocument(set.Name, row, result.Analysis, text, result.Findings);
            else
                skipped[i] = new(row.File, result.Analysis.StatusDetail ?? "inte bedömd", set.Name, result.Analysis.Status.ToReportName());
        });

        return new PreparedCorpus(
            [.. prepared.Where(p => p is not null).Select(p => p!)],
            [.. skipped.Where(s => s is not null).Select(s => s!)]);
    }

    private static AnalysisWithEvidence Analyze(CorpusOptions options, string path, CancellationToken ct)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        if (stream.Length > options.Limits.MaxFileBytes)
            return new(DocumentAnalyzer.Describe(new SourceItem(path, path, stream.Length, null), DocumentAnalyzer.TooLarge(stream.Length, options.Limits.MaxFileBytes), null), null, []);
        var head = new byte[IExtractorSelector.HeadBytes];
        var n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        return options.Analyzer.AnalyzeWithEvidence(Path.GetFileName(path), stream, head.AsSpan(0, n), options.Limits, ct);
    }
}
