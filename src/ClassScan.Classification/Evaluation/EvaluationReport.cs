using System.Text.Json;
using ClassScan.Classification.Training;

namespace ClassScan.Classification.Evaluation;

/// <summary>
/// What <c>classscan evaluate --json FILE</c> writes: the same numbers as the console, per set, for benchmarks and
/// CI. File names, labels and rule ids only, never content.
/// </summary>
public sealed record EvaluationReport
{
    /// <summary>"test", "train" or "all".</summary>
    public required string Split { get; init; }

    /// <summary>"rules + classifier" or "rules only".</summary>
    public required string Verdicts { get; init; }

    public double Seconds { get; init; }

    /// <summary>The scan's verdicts per set; empty when only cross-validation ran.</summary>
    public IReadOnlyList<SetScores> Sets { get; init; } = [];

    /// <summary>Leave-one-family-out numbers (evaluate --cv family); null otherwise.</summary>
    public FamilyCrossValidationMetadata? CrossValidation { get; init; }

    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public void Write(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        if (Path.GetDirectoryName(full) is { Length: > 0 } dir) Directory.CreateDirectory(dir);
        File.WriteAllText(full, JsonSerializer.Serialize(this, JsonOptions));
    }
}
