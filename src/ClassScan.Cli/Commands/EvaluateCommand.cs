using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ClassScan.Classification.Data;
using ClassScan.Classification.Evaluation;
using ClassScan.Classification.Training;

namespace ClassScan.Cli.Commands;

/// <summary>
/// <c>classscan evaluate --set NAME=FOLDER ...</c>: scores what a scan decides against labels, per labelled set.
/// Every file goes through the scan's own analyzer (isolated extractors, the text limit, blank-file rules,
/// detectors, the same policy object), so a file the scan would not judge is "skipped" with the scan's status.
/// Per set: judged/skipped, must-leave precision/recall, exact match, per-level P/R, confusion matrix, false flags
/// on public documents, how often the model decided, and the misses. <c>--cv family</c> instead runs the
/// leave-one-family-out cross-validation of rules + model over the train split.
/// </summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var sets = new LabelledSetOptions(defaultSplit: "test");
        var cv = new Option<string?>("--cv") { Description = "'family': leave-one-family-out cross-validation of rules + model over the train split of the sets (trains one model per fold; --model is not used)." };
        cv.AcceptOnlyFromAmong("family");
        var folds = new Option<int>("--folds")
        {
            Description = "With --cv family: at most this many folds (families packed together, never split); 0 = one per family.",
            DefaultValueFactory = _ => FamilyCrossValidationOptions.DefaultMaxFolds,
        };
        var json = new Option<string?>("--json") { Description = "Also write the numbers as JSON to this file (for benchmarks and CI)." };
        var command = new Command("evaluate", "Measure precision and recall of the scan's verdicts against labelled files, per set.") { cv, folds, json };
        sets.AddTo(command);
        var model = new ModelOptions();
        model.AddTo(command);
        command.SetAction(parse =>
        {
            var (chosen, setError) = sets.Resolve(parse);
            if (setError is not null) { Console.Error.WriteLine("classscan: " + setError); return ExitCodes.UsageError; }
            var clock = Stopwatch.StartNew();
            EvaluationReport report;
            if (parse.GetValue(cv) is "family")
            {
                report = CrossValidate(chosen, parse.GetValue(folds));
            }
            else
            {
                var (classifier, error) = model.Load(parse);
                if (error is not null) { Console.Error.WriteLine("classscan: " + error); return ExitCodes.UsageError; }
                using var loaded = classifier;
                var (analyzer, workers) = ScanComposition.CreateAnalyzer(TimeProvider.System, progress: null, isolate: true, classifier);
                using var pool = workers;
                var split = sets.SplitFilter(parse);
                var results = KlassaModelEvaluator.EvaluateScan(new CorpusOptions { Sets = chosen, Analyzer = analyzer, Split = split });
                var verdicts = classifier is null ? "rules only" : "rules + classifier";
                foreach (var (set, result) in results)
                {
                    Console.WriteLine($"== {set} (split {split ?? "all"}, {verdicts})");
                    Console.WriteLine(result.ToTable());
                    foreach (var d in result.Misses)
                        Console.WriteLine($"miss: {set}/{d.File} label {d.Expected} predicted {(int)d.Predicted} rule {d.RuleId ?? "-"}");
                    Console.WriteLine();
                }
                report = new EvaluationReport
                {
                    Split = split ?? "all",
                    Verdicts = verdicts,
                    Sets = [.. results.Select(r => SetScores.From(r.Set, r.Result))],
                };
            }
            report = report with { Seconds = Math.Round(clock.Elapsed.TotalSeconds, 1) };
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Time: {report.Seconds:0.0} s"));
            if (parse.GetValue(json) is { Length: > 0 } jsonPath) report.Write(jsonPath);
            return 0;
        });
        return command;
    }

    private static EvaluationReport CrossValidate(IReadOnlyList<LabelledSet> sets, int maxFolds)
    {
        // Read with the rules-only policy: the folds' models are trained here, the shipped one plays no part.
        var (analyzer, workers) = ScanComposition.CreateAnalyzer(TimeProvider.System, progress: null, isolate: true, model: null);
        using var pool = workers;
        var result = FamilyCrossValidation.Run(new CorpusOptions { Sets = sets, Analyzer = analyzer, Split = "train" }, new FamilyCrossValidationOptions
        {
            PolicyFor = ScanComposition.CreatePolicy,
            MaxFolds = maxFolds,
            Log = new Progress<string>(line => Console.Error.WriteLine(line)),
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Family cross-validation (train split, rules + fold model): {result.Families} families in {result.Folds} folds; read {result.ReadSeconds:0.0} s, folds {result.FoldSeconds:0.0} s"));
        foreach (var (set, r) in result.Sets)
        {
            Console.WriteLine($"== {set} (held-out families)");
            Console.WriteLine(r.ToTable());
            foreach (var d in r.Misses)
                Console.WriteLine($"miss: {set}/{d.File} label {d.Expected} predicted {(int)d.Predicted} rule {d.RuleId ?? "-"} (family {d.Family})");
            Console.WriteLine();
        }
        return new EvaluationReport
        {
            Split = "train",
            Verdicts = "rules + fold model (family cross-validation)",
            CrossValidation = FamilyCrossValidationMetadata.From(result, "rules + model", withMisses: true),
        };
    }
}
