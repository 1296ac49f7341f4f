using System.Collections.Concurrent;
using System.Globalization;
using ClassScan.Classification.Features;
using ClassScan.Core.Classification;
using ClassScan.Core.Documents;
using ClassScan.Core.Findings;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ClassScan.Classification;

/// <summary>
/// The trained KLASSA text classifier: document text (word and character n-grams) plus detector counts → level.
/// Load once and share: the ML.NET transformer is immutable and thread-safe, while a <c>PredictionEngine</c> is not,
/// so each concurrent caller rents its own engine from a pool (one per worker in steady state).
/// Dispose when the scan ends.
/// </summary>
public sealed class KlassaTextModel : ILevelModel, IDisposable
{
    private readonly MLContext ml;
    private readonly ITransformer transformer;
    private readonly DataViewSchema inputSchema;
    private readonly int[] levelOfSlot;
    private readonly ConcurrentBag<PredictionEngine<KlassaModelInput, KlassaModelOutput>> engines = [];
    private volatile bool disposed;

    internal KlassaTextModel(MLContext ml, ITransformer transformer, DataViewSchema inputSchema)
    {
        this.ml = ml;
        this.transformer = transformer;
        this.inputSchema = inputSchema;
        CheckInputSchema(inputSchema);
        levelOfSlot = ReadClassOrder(transformer.GetOutputSchema(inputSchema));
    }

    /// <summary>Loads a model saved by <see cref="Save(string)"/> or the trainer.</summary>
    /// <exception cref="InvalidDataException">The file is not a KLASSA model of this version.</exception>
    public static KlassaTextModel Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream);
    }

    /// <summary>Loads a model from a stream (read to the end; the caller disposes it).</summary>
    /// <exception cref="InvalidDataException">The stream is not a KLASSA model of this version.</exception>
    public static KlassaTextModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var ml = new MLContext(seed: 0);
        ITransformer transformer;
        DataViewSchema schema;
        try
        {
            transformer = ml.Model.Load(stream, out schema);
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or IOException)
        {
            throw new InvalidDataException("Not an ML.NET model file: " + ex.Message, ex);
        }
        return new KlassaTextModel(ml, transformer, schema);
    }

    /// <summary>Writes the model as an ML.NET zip.</summary>
    public void Save(string path)
    {
        using var stream = File.Create(path);
        Save(stream);
    }

    public void Save(Stream stream)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        ml.Model.Save(transformer, inputSchema, stream);
    }

    /// <summary>Thread-safe.</summary>
    public LevelPrediction Predict(ExtractedText text, IReadOnlyList<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(findings);
        return Predict(ToInput(text, findings));
    }

    internal static KlassaModelInput ToInput(ExtractedText text, IReadOnlyList<Finding> findings) =>
        new() { Text = ModelText.Build(text), Detectors = DetectorFeatures.Compute(findings) };

    internal LevelPrediction Predict(KlassaModelInput input)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (!engines.TryTake(out var engine))
            engine = ml.Model.CreatePredictionEngine<KlassaModelInput, KlassaModelOutput>(transformer, inputSchema: inputSchema);
        KlassaModelOutput output;
        try
        {
            output = engine.Predict(input);
        }
        finally
        {
            if (disposed) engine.Dispose();
            else engines.Add(engine);
        }

        var scores = new float[4];
        for (var slot = 0; slot < output.Score.Length && slot < levelOfSlot.Length; slot++)
            scores[levelOfSlot[slot]] = output.Score[slot];
        return LevelPrediction.FromScores(scores);
    }

    public void Dispose()
    {
        disposed = true;
        while (engines.TryTake(out var e)) e.Dispose();
    }

    private static void CheckInputSchema(DataViewSchema schema)
    {
        var col = schema.GetColumnOrNull(nameof(KlassaModelInput.Detectors));
        if (col is null || schema.GetColumnOrNull(nameof(KlassaModelInput.Text)) is null)
            throw new InvalidDataException("Not a KLASSA text model: the input has no Text/Detectors columns.");
        if (col.Value.Type is not VectorDataViewType { Size: DetectorFeatures.Count })
            throw new InvalidDataException(
                $"The model expects {col.Value.Type} detector features; this ClassScan computes {DetectorFeatures.Count}. Retrain the model.");
    }

    // The score vector follows the label key order; read the key values ("0".."3") instead of assuming them,
    // because a training set may lack a level.
    private static int[] ReadClassOrder(DataViewSchema output)
    {
        var col = output.GetColumnOrNull("PredictedLabel")
            ?? throw new InvalidDataException("Not a KLASSA text model: no PredictedLabel column.");
        VBuffer<ReadOnlyMemory<char>> keys = default;
        col.GetKeyValues(ref keys);
        var values = keys.DenseValues().ToArray();
        var order = new int[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            if (!int.TryParse(values[i].Span, NumberStyles.None, CultureInfo.InvariantCulture, out var level) || level is < 0 or > 3)
                throw new InvalidDataException($"Not a KLASSA text model: class '{values[i]}' is not a level 0-3.");
            order[i] = level;
        }
        return order;
    }
}
