using ClassScan.Classification.Features;
using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms;
using Microsoft.ML.Transforms.Text;

namespace ClassScan.Classification.Training;

/// <summary>The ML.NET estimator chain: text features + detector features → multiclass maximum entropy.</summary>
internal static class KlassaPipeline
{
    public const string TextFeatures = "TextFeatures";
    public const string Features = "Features";

    public static IEstimator<ITransformer> Build(MLContext ml, ModelHyperparameters h)
    {
        var text = new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.Lower,
            // å, ä, ö carry meaning in Swedish ("vård" vs "vard"); keep them.
            KeepDiacritics = true,
            KeepPunctuations = false,
            // Numbers are dates, diarienummer and personnummer: specific to a file, never a reason by themselves
            // (the detectors count the numbers that matter). Dropping them keeps the model from memorising files.
            KeepNumbers = false,
            // No stop-word removal: pronouns and articles ("hon", "hans", "eleven") mark narrative about a person,
            // which is exactly the level-3 signal without keywords.
            StopWordsRemoverOptions = null,
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = h.WordNgramLength, UseAllLengths = true },
            CharFeatureExtractor = h.CharNgramLength > 0
                ? new WordBagEstimator.Options { NgramLength = h.CharNgramLength, UseAllLengths = false }
                : null,
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        };

        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label", "Label", keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
            .Append(ml.Transforms.Text.FeaturizeText(TextFeatures, text, nameof(KlassaModelInput.Text)))
            .Append(ml.Transforms.Concatenate(Features, TextFeatures, nameof(KlassaModelInput.Detectors)))
            // Featurised once, then cached: without it both trainers re-run the text featurisation on every pass
            // (SDCA: 50), which made one fit on the pooled sets cost minutes and a family cross-validation an hour.
            // Same settings and seed, still deterministic; the weights differ slightly from an uncached fit (the rows
            // reach SDCA in another order), a few hundredths of probability on the tiny test corpus.
            .AppendCacheCheckpoint(ml);

        return h.Trainer switch
        {
            KlassaTrainerKind.SdcaMaximumEntropy => pipeline.Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(
                new SdcaMaximumEntropyMulticlassTrainer.Options
                {
                    LabelColumnName = "Label",
                    FeatureColumnName = Features,
                    ExampleWeightColumnName = nameof(KlassaModelInput.Weight),
                    L1Regularization = h.L1Regularization,
                    L2Regularization = h.L2Regularization,
                    MaximumNumberOfIterations = h.MaxIterations,
                    // One thread: SDCA with several threads is not reproducible run to run.
                    NumberOfThreads = 1,
                    Shuffle = true,
                })),
            KlassaTrainerKind.LbfgsMaximumEntropy => pipeline.Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(
                new LbfgsMaximumEntropyMulticlassTrainer.Options
                {
                    LabelColumnName = "Label",
                    FeatureColumnName = Features,
                    ExampleWeightColumnName = nameof(KlassaModelInput.Weight),
                    L1Regularization = h.L1Regularization,
                    L2Regularization = h.L2Regularization,
                    MaximumNumberOfIterations = h.MaxIterations,
                    NumberOfThreads = 1,
                })),
            _ => throw new ArgumentOutOfRangeException(nameof(h), h.Trainer, "Unknown trainer."),
        };
    }
}
