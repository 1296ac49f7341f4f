using System.CommandLine;
using ClassScan.Classification;

namespace ClassScan.Cli.Commands;

/// <summary>The --model / --no-model options shared by scan, bench and evaluate.</summary>
internal sealed class ModelOptions
{
    public Option<string?> Model { get; } = new("--model")
    {
        Description = "Trained classifier (ML.NET zip). Default: models/klassa.zip shipped beside the binary.",
    };

    public Option<bool> NoModel { get; } = new("--no-model")
    {
        Description = "Rules only: no classifier (files without evidence are then 1, intern).",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Model);
        command.Options.Add(NoModel);
    }

    /// <summary>Loads the model, or returns an error message naming the path when it cannot.</summary>
    public (KlassaTextModel? Model, string? Error) Load(ParseResult parse)
    {
        var (path, error) = Locate(parse.GetValue(Model), parse.GetValue(NoModel));
        return path is null ? (null, error) : LoadFrom(path);
    }

    /// <summary>The model file to load (null with --no-model), or why there is none: a check that reads no model (the scan
    /// command resolves the path from --model and Scan:Model, then loads it beside its set-up, <see cref="LoadingModel"/>).</summary>
    public static (string? Path, string? Error) Locate(string? modelPath, bool noModel)
    {
        if (noModel) return (null, null);
        var path = modelPath is { Length: > 0 } ? modelPath : ScanComposition.DefaultModelPath;
        return File.Exists(path) ? (path, null) : (null, $"klassificeraren saknas: {path} (ange --model FIL, träna med 'classscan train', eller kör med --no-model)");
    }

    /// <summary>Loads the model at <paramref name="path"/>, or returns an error message naming it.</summary>
    public static (KlassaTextModel? Model, string? Error) LoadFrom(string path)
    {
        try
        {
            return (ScanComposition.LoadModel(path), null);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or FormatException or InvalidDataException or ArgumentException)
        {
            return (null, $"klassificeraren kunde inte läsas: {path} ({ex.GetType().Name})");
        }
    }
}
