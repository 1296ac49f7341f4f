using System.CommandLine;
using ClassScan.Classification.Data;

namespace ClassScan.Cli.Commands;

/// <summary>
/// The labelled sets of train and evaluate: repeated <c>--set NAME=FOLDER[:LABELS]</c>, or the older
/// <c>--corpus DIR --labels CSV</c> pair (one set named after the folder), and <c>--split</c>.
/// </summary>
internal sealed class LabelledSetOptions(string defaultSplit)
{
    public Option<string[]> Set { get; } = new("--set")
    {
        Description = "A labelled set NAME=FOLDER[:LABELS] (labels default FOLDER/labels.csv); repeat for several, e.g. --set dev2=../shared/corpus/dev2.",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string?> Corpus { get; } = new("--corpus") { Description = "One labelled folder (same as --set NAME=DIR with NAME the folder's name)." };

    public Option<string?> Labels { get; } = new("--labels") { Description = "Labels CSV for --corpus (file,split,level,...; level 0-3 or 0|1). Default DIR/labels.csv." };

    public Option<string> Split { get; } = new("--split")
    {
        Description = $"Only rows with this split value: test, train or all (default: {defaultSplit}).",
        DefaultValueFactory = _ => defaultSplit,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Set);
        command.Options.Add(Corpus);
        command.Options.Add(Labels);
        command.Options.Add(Split);
    }

    /// <summary>The split filter for <see cref="CorpusOptions.Split"/>: null for "all".</summary>
    public string? SplitFilter(ParseResult parse) => parse.GetValue(Split) is { } s && !string.Equals(s, "all", StringComparison.OrdinalIgnoreCase) ? s : null;

    /// <summary>The sets named on the command line, or an error message (usage error) naming what is wrong.</summary>
    public (IReadOnlyList<LabelledSet> Sets, string? Error) Resolve(ParseResult parse)
    {
        var sets = new List<LabelledSet>();
        foreach (var text in parse.GetValue(Set) ?? [])
        {
            try
            {
                sets.Add(LabelledSet.Parse(text));
            }
            catch (FormatException ex)
            {
                return ([], "--set " + ex.Message);
            }
        }
        if (parse.GetValue(Corpus) is { Length: > 0 } dir)
            sets.Add(LabelledSet.FromFolder(dir, parse.GetValue(Labels)));
        else if (parse.GetValue(Labels) is not null)
            return ([], "--labels hör till --corpus; använd --set NAMN=MAPP:ETIKETTER.");
        if (sets.Count == 0) return ([], "ange minst en märkt mängd: --set NAMN=MAPP[:ETIKETTER] (eller --corpus MAPP --labels CSV).");
        foreach (var duplicate in sets.GroupBy(s => s.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
            return ([], $"mängden '{duplicate.Key}' anges två gånger.");
        foreach (var s in sets)
        {
            if (!Directory.Exists(s.Directory)) return ([], $"hittar inte korpusen '{s.Directory}' ({s.Name}).");
            if (!File.Exists(s.LabelsPath)) return ([], $"hittar inte etikettfilen '{s.LabelsPath}' ({s.Name}).");
        }
        return (sets, null);
    }
}
