namespace ClassScan.Classification.Data;

/// <summary>
/// One labelled folder by name, e.g. "dev2" = ../shared/corpus/dev2 with its labels.csv. Evaluation reports each
/// set apart (public texts, template texts and hand-written texts fail differently); training pools them.
/// </summary>
/// <param name="Name">Short name for reports and metadata.</param>
/// <param name="Directory">Folder the <c>file</c> column of the labels is relative to.</param>
/// <param name="LabelsPath">Labels CSV (see <see cref="LabelsCsv"/>).</param>
public sealed record LabelledSet(string Name, string Directory, string LabelsPath)
{
    /// <summary>The labels file a folder has when none is named.</summary>
    public const string DefaultLabelsFile = "labels.csv";

    /// <summary>
    /// Parses <c>NAME=FOLDER[:LABELS]</c>; LABELS defaults to FOLDER/labels.csv. A drive letter ("C:\corpus") is
    /// part of a path, not the separator.
    /// </summary>
    /// <exception cref="FormatException">No name, no folder, or an empty labels path.</exception>
    public static LabelledSet Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0) throw new FormatException($"'{text}': expected NAME=FOLDER[:LABELS], e.g. dev2=../shared/corpus/dev2.");
        var name = text[..eq].Trim();
        var rest = text[(eq + 1)..];
        var sep = -1;
        for (var i = 0; i < rest.Length; i++)
        {
            if (rest[i] != ':') continue;
            // "C:\x" or "C:/x" at the start of the folder is a drive.
            if (i == 1 && char.IsAsciiLetter(rest[0]) && (rest.Length == 2 || rest[2] is '\\' or '/')) continue;
            sep = i;
            break;
        }
        var folder = (sep < 0 ? rest : rest[..sep]).Trim();
        var labels = sep < 0 ? null : rest[(sep + 1)..].Trim();
        if (name.Length == 0 || folder.Length == 0) throw new FormatException($"'{text}': expected NAME=FOLDER[:LABELS].");
        if (labels is { Length: 0 }) throw new FormatException($"'{text}': the labels path after ':' is empty.");
        return new(name, folder, labels ?? Path.Combine(folder, DefaultLabelsFile));
    }

    /// <summary>A set from the old <c>--corpus DIR --labels CSV</c> pair, named after the folder.</summary>
    public static LabelledSet FromFolder(string directory, string? labelsPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)));
        return new(name.Length == 0 ? "corpus" : name, directory, labelsPath ?? Path.Combine(directory, DefaultLabelsFile));
    }

    public override string ToString() => $"{Name}={Directory}:{LabelsPath}";
}
