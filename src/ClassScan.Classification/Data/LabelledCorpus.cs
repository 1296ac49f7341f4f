using ClassScan.Classification.Evaluation;
using ClassScan.Core.Documents;
using ClassScan.Core.Findings;
using ClassScan.Core.Privacy;

namespace ClassScan.Classification.Data;

/// <summary>Reads every selected labelled file, in parallel, and runs the detectors over it. Order follows the labels file.</summary>
internal static class LabelledCorpus
{
    public static (IReadOnlyList<PreparedDocument> Documents, IReadOnlyList<SkippedDocument> Skipped) Prepare(CorpusOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        var rows = LabelsCsv.Read(options.LabelsPath)
            .Where(r => options.Split is null || string.Equals(r.Split, options.Split, StringComparison.OrdinalIgnoreCase))
            .ToArray();
        var prepared = new PreparedDocument?[rows.Length];
        var reasons = new string?[rows.Length];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxDegreeOfParallelism), CancellationToken = ct };
        Parallel.For(0, rows.Length, parallel, i =>
        {
            var row = rows[i];
            var path = Path.GetFullPath(Path.Combine(options.CorpusDirectory, row.File));
            if (!File.Exists(path))
            {
                reasons[i] = "file not found";
                return;
            }
            ExtractedText? text;
            try
            {
                text = options.TextProvider(path);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                reasons[i] = $"not readable ({ex.GetType().Name}): {SafeText.Message(ex.Message)}";
                return;
            }
            if (text is null || text.IsBlank)
            {
                reasons[i] = text is null ? "not readable" : "no text";
                return;
            }
            var findings = new List<Finding>();
            foreach (var d in options.Detectors)
            {
                try
                {
                    d.Detect(text, findings);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A file judged without one detector's evidence would teach or score the wrong thing: skip it.
                    reasons[i] = $"detector {d.Id} failed ({ex.GetType().Name})";
                    return;
                }
            }
            prepared[i] = new PreparedDocument(row, text, findings);
        });

        var docs = new List<PreparedDocument>(rows.Length);
        var skipped = new List<SkippedDocument>();
        for (var i = 0; i < rows.Length; i++)
        {
            if (prepared[i] is { } p) docs.Add(p);
            else skipped.Add(new SkippedDocument(rows[i].File, reasons[i] ?? "not read"));
        }
        return (docs, skipped);
    }
}
