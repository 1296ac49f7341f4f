using System.CommandLine;
using ClassScan.Cli.Configuration;

namespace ClassScan.Cli.Commands;

/// <summary>
/// The scan command's options that are also settings, each with its configuration key. None has a default of its
/// own: an option left out leaves the value from appsettings.json or CLASSSCAN_* (or the options type's default),
/// and only what the user typed overrides. The help text names the default of the options type
/// (<see cref="SettingDefaults"/>), so it cannot drift from the binding.
/// </summary>
internal sealed class ScanArguments
{
    public ScanArguments()
    {
        Out = Setting(new Option<string>("--out", "-o"), "Scan:Out",
            "Folder for results.csv, flagged.csv, review.csv and summary.json (created if missing).");
        Parallelism = Setting(new Option<int>("--parallelism", "-p"), "Scan:Parallelism",
            "Files parsed at once (each in its own worker process), and as many detected at once.");
        Timeout = Setting(new Option<int>("--timeout"), "Scan:TimeoutSeconds",
            "Seconds one file's parsing, and then its detection, may take before it is abandoned and reported as an error.");
        MaxFileMb = Setting(new Option<int>("--max-file-mb"), "Scan:MaxFileMb",
            "Largest file read, in MB; larger files are reported as errors naming the limit.");
        InProcess = Setting(new Option<bool>("--in-process"), "Scan:InProcess",
            "Run the document parsers inside the scanner instead of in worker processes (faster start, but a parser crash ends the scan).");
        Model.Model.Description += " (Scan:Model)";
        Model.NoModel.Description += " (Scan:NoModel)";
        Format.AcceptOnlyFromAmong(ScanSettingsValidation.KnownFormats);
    }

    public Argument<string?> Path { get; } = new("path")
    {
        Description = $"Folder (or single file) to scan, recursively (Scan:Path). Default: the repository's sample folder ({ScanCommand.DefaultSamples}).",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public Option<string> Out { get; }
    public Option<int> Parallelism { get; }
    public Option<int> Timeout { get; }
    public Option<int> MaxFileMb { get; }
    public Option<bool> InProcess { get; }

    public Option<string[]> Include { get; } = new("--include")
    {
        Description = "Only scan files matching this glob, relative to PATH (repeatable; replaces Scan:Include). A glob without '/' matches at any depth: --include '*.docx'.",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string[]> Exclude { get; } = new("--exclude")
    {
        Description = "Skip files matching this glob (repeatable; replaces Scan:Exclude), e.g. --exclude 'Arkiv/**'.",
    };

    public Option<string[]> Format { get; } = new("--format")
    {
        Description = "Machine formats beside the CSVs (repeatable; replaces Scan:Formats): csv (always written), jsonl (results.jsonl, one JSON object per file, for a SIEM).",
    };

    public ModelOptions Model { get; } = new();

    public GraphOptions Graph { get; } = new();

    /// <summary>The options paired with their keys, in the order they are added.</summary>
    public IReadOnlyList<(Option Option, string Key)> Settings => settings;

    private readonly List<(Option Option, string Key)> settings = [];

    public void AddTo(Command command)
    {
        command.Arguments.Add(Path);
        foreach (var o in new Option[] { Out, Parallelism, Include, Exclude, Timeout, MaxFileMb, InProcess, Format })
            command.Options.Add(o);
        Model.AddTo(command);
        Graph.AddTo(command);
        StateComposition.AddTo(command);
    }

    /// <summary>
    /// Loads the configuration with what was typed on top: appsettings.json &lt; CLASSSCAN_* environment &lt; options
    /// typed here. A nightly job is configured once and a person overrides one thing by hand. Errors name the setting.
    /// </summary>
    /// <param name="environment">Environment variables; null reads the process environment (tests pass their own).</param>
    public LoadedConfiguration Load(ParseResult parse, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var cli = new CommandLineOverrides(parse)
            .Add(Path, "Scan:Path").Add(Out, "Scan:Out").Add(Parallelism, "Scan:Parallelism").Add(Timeout, "Scan:TimeoutSeconds")
            .Add(MaxFileMb, "Scan:MaxFileMb").Add(InProcess, "Scan:InProcess").Add(Model.Model, "Scan:Model").Add(Model.NoModel, "Scan:NoModel")
            .Add(StateComposition.StateFile, "Scan:State");
        Graph.AddOverrides(cli);
        return ConfigurationLoader.Load(parse.GetValue(ConfigOption.Instance), cli.Values, environment, s =>
        {
            s.Scan.Include = cli.List(Include) ?? s.Scan.Include;
            s.Scan.Exclude = cli.List(Exclude) ?? s.Scan.Exclude;
            s.Scan.Formats = cli.List(Format) ?? s.Scan.Formats;
            Graph.ApplyLists(s.Graph, cli);
        });
    }

    private Option<T> Setting<T>(Option<T> option, string key, string description)
    {
        option.Description = $"{description} ({key}){SettingDefaults.Describe(key)}";
        settings.Add((option, key));
        return option;
    }
}
