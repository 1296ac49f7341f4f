using System.CommandLine;
using System.Globalization;
using ClassScan.Classification.Data;
using ClassScan.Classification.Training;

namespace ClassScan.Cli.Commands;

/// <summary>
/// <c>classscan train --set NAME=FOLDER ... --model FILE</c>: retrains the classifier on the train split of one or
/// more labelled sets pooled (e.g. a municipality's own reviewed files beside the shared corpora), reading every
/// file through the scan's own analyzer, then runs the leave-one-family-out cross-validation of rules + model and
/// records every set (SHA-256, counts per level) and those numbers in the metadata beside the model.
/// </summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var sets = new LabelledSetOptions(defaultSplit: "train");
        var model = new Option<string>("--model") { Description = "Where to write the model zip (a metadata .json is written beside it).", DefaultValueFactory = _ => Path.Combine("models", "klassa.zip") };
        var select = new Option<bool>("--select") { Description = "Compare the candidate settings by leave-families-out cross-validation of the model alone before the final fit (slower)." };
        var noCv = new Option<bool>("--no-cv") { Description = "Skip the family cross-validation of rules + model (faster; the metadata then has no estimate)." };
        var folds = new Option<int>("--folds")
        {
            Description = "Family cross-validation: at most this many folds (families packed together, never split); 0 = one per family.",
            DefaultValueFactory = _ => FamilyCrossValidationOptions.DefaultMaxFolds,
        };
        var command = new Command("train", "Train the KLASSA text classifier from labelled sets and save it.") { model, select, noCv, folds };
        sets.AddTo(command);
        command.SetAction(parse =>
        {
            var (chosen, error) = sets.Resolve(parse);
            if (error is not null) { Console.Error.WriteLine("classscan: " + error); return ExitCodes.UsageError; }
            // Rules only while reading: training needs the text and findings, not the old model's verdicts.
            var (analyzer, workers) = ScanComposition.CreateAnalyzer(TimeProvider.System, progress: null, isolate: true, model: null);
            using var pool = workers;
            var log = new Progress<string>(line => Console.Error.WriteLine(line));
            var selectSettings = parse.GetValue(select);
            var result = KlassaModelTrainer.Train(new TrainingOptions
            {
                Corpus = new CorpusOptions
                {
                    Sets = chosen,
                    Analyzer = analyzer,
                    DetectorIds = [.. ScanComposition.CreateDetectors(TimeProvider.System).Select(d => d.Id)],
                    Split = sets.SplitFilter(parse),
                },
                ModelPath = parse.GetValue(model)!,
                Candidates = selectSettings ? null : [ModelHyperparameters.Default],
                // The family CV below is the reported estimate; the model-only CV only serves --select.
                CrossValidationFolds = selectSettings ? 5 : 0,
                FamilyCrossValidation = parse.GetValue(noCv) ? null : new FamilyCrossValidationOptions
                {
                    PolicyFor = ScanComposition.CreatePolicy,
                    MaxFolds = parse.GetValue(folds),
                },
                Log = log,
            });
            Console.WriteLine($"Modell sparad: {result.ModelPath} (metadata {result.MetadataPath}); {result.Skipped.Count} filer kunde inte bedömas.");
            foreach (var s in result.Skipped)
                Console.WriteLine($"skipped: {s.Set}/{s.File}: {s.Status}: {s.Reason}");
            if (result.CrossValidation is { } cv)
            {
                Console.WriteLine("Korsvalidering av modellen ensam (familjer hålls utanför):");
                Console.WriteLine(cv.ToTable());
            }
            if (result.FamilyCrossValidation is { } family)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Familjekorsvalidering, regler + modell ({family.Families} familjer i {family.Folds} veck, {family.FoldSeconds:0} s):"));
                foreach (var (set, r) in family.Sets)
                {
                    Console.WriteLine($"== {set}");
                    Console.WriteLine(r.ToTable());
                }
            }
            return 0;
        });
        return command;
    }
}
