using System.CommandLine;
using ClassScan.Classification.Data;
using ClassScan.Classification.Evaluation;

namespace ClassScan.Cli.Commands;

/// <summary>
/// <c>classscan evaluate --corpus DIR --labels CSV</c>: scores what a scan decides (rules + classifier) against
/// labels: per-level precision/recall, must-leave precision/recall, exact match, confusion matrix; hand-written
/// documents (doctype = handwritten) separately, since they share no text with the generator's templates.
/// </summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var corpus = new Option<string>("--corpus") { Description = "Folder with the labelled documents.", Required = true };
        var labels = new Option<string>("--labels") { Description = "Labels CSV (file,split,level,...).", Required = true };
        var split = new Option<string?>("--split") { Description = "Only rows with this split value (default: test). Use 'all' for every row.", DefaultValueFactory = _ => "test" };
        var command = new Command("evaluate", "Measure precision and recall of the scan's verdicts against labelled files.") { corpus, labels, split };
        var model = new ModelOptions();
        model.AddTo(command);
        command.SetAction(parse =>
        {
            var dir = parse.GetValue(corpus)!;
            var labelFile = parse.GetValue(labels)!;
            if (!Directory.Exists(dir) || !File.Exists(labelFile))
            {
                Console.Error.WriteLine($"classscan: hittar inte korpusen '{dir}' eller etikettfilen '{labelFile}'.");
                return ExitCodes.UsageError;
            }
            var (classifier, error) = model.Load(parse);
            if (error is not null) { Console.Error.WriteLine("classscan: " + error); return ExitCodes.UsageError; }
            using var loaded = classifier;
            var (selector, workers) = ScanComposition.CreateSelector(isolate: true);
            using var pool = workers;
            var policy = ScanComposition.CreatePolicy(classifier);
            var splitValue = parse.GetValue(split);
            var result = KlassaModelEvaluator.Evaluate((text, findings) => policy.Classify(findings, text).Level, new CorpusOptions
            {
                CorpusDirectory = dir,
                LabelsPath = labelFile,
                TextProvider = new CorpusText(selector, ScanComposition.LanguageIdentifier).Read,
                Detectors = ScanComposition.CreateDetectors(TimeProvider.System),
                Split = splitValue is null or "all" ? null : splitValue,
            });
            Console.WriteLine($"Verdicts: {(classifier is null ? "rules only" : "rules + classifier")}, split: {splitValue ?? "all"}");
            Console.WriteLine(result.ToTable());
            var handwritten = result.Documents.Where(d => d.DocType == "handwritten").ToList();
            if (handwritten.Count > 0)
            {
                Console.WriteLine("Hand-written documents only:");
                Console.WriteLine(KlassaModelEvaluator.Evaluate(handwritten).ToTable());
            }
            foreach (var d in result.Documents.Where(d => !d.Expected.Accepts(d.Predicted)).OrderBy(d => d.File, StringComparer.Ordinal))
                Console.WriteLine($"miss: {d.File} label {d.Expected} predicted {(int)d.Predicted} ({d.DocType})");
            return 0;
        });
        return command;
    }
}
