using System.CommandLine;
using ClassScan.Classification.Data;
using ClassScan.Classification.Training;

namespace ClassScan.Cli.Commands;

/// <summary>
/// <c>classscan train --corpus DIR --labels CSV --model FILE</c>: retrains the classifier from a labelled folder
/// (e.g. a municipality's own reviewed files) with the scan's own extractors and detectors.
/// </summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var corpus = new Option<string>("--corpus") { Description = "Folder with the labelled documents (paths in the labels file are relative to it).", Required = true };
        var labels = new Option<string>("--labels") { Description = "Labels CSV: file,split,level,... (level 0-3 or 0|1), as shared/corpus/dev/labels.csv.", Required = true };
        var model = new Option<string>("--model") { Description = "Where to write the model zip (a metadata .json is written beside it).", DefaultValueFactory = _ => Path.Combine("models", "klassa.zip") };
        var split = new Option<string?>("--split") { Description = "Train only on rows with this split value (default: train). Use 'all' for every row.", DefaultValueFactory = _ => "train" };
        var select = new Option<bool>("--select") { Description = "Compare the candidate settings by leave-templates-out cross-validation before the final fit (slower)." };
        var command = new Command("train", "Train the KLASSA text classifier from a labelled folder and save it.") { corpus, labels, model, split, select };
        command.SetAction(parse =>
        {
            var dir = parse.GetValue(corpus)!;
            var labelFile = parse.GetValue(labels)!;
            if (!Directory.Exists(dir) || !File.Exists(labelFile))
            {
                Console.Error.WriteLine($"classscan: hittar inte korpusen '{dir}' eller etikettfilen '{labelFile}'.");
                return ExitCodes.UsageError;
            }
            var (selector, workers) = ScanComposition.CreateSelector(isolate: true);
            using var pool = workers;
            var splitValue = parse.GetValue(split);
            var result = KlassaModelTrainer.Train(new TrainingOptions
            {
                Corpus = new CorpusOptions
                {
                    CorpusDirectory = dir,
                    LabelsPath = labelFile,
                    TextProvider = new CorpusText(selector, ScanComposition.LanguageIdentifier).Read,
                    Detectors = ScanComposition.CreateDetectors(TimeProvider.System),
                    Split = splitValue is null or "all" ? null : splitValue,
                },
                ModelPath = parse.GetValue(model)!,
                Candidates = parse.GetValue(select) ? null : [ModelHyperparameters.Default],
                Log = new Progress<string>(line => Console.Error.WriteLine(line)),
            });
            Console.WriteLine($"Modell sparad: {result.ModelPath} (metadata {result.MetadataPath}); {result.Skipped.Count} filer kunde inte läsas.");
            if (result.CrossValidation is { } cv)
            {
                Console.WriteLine("Korsvalidering (mallar hålls utanför):");
                Console.WriteLine(cv.ToTable());
            }
            return 0;
        });
        return command;
    }
}
