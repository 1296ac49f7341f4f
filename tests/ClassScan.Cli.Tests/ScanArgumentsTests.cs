using System.CommandLine;
using ClassScan.Cli.Commands;
using ClassScan.Cli.Configuration;
using ClassScan.Core.Documents;
using ClassScan.Pipeline;
using ClassScan.TestSupport;
using Microsoft.Extensions.Configuration;

namespace ClassScan.Cli.Tests;

/// <summary>
/// The scan command's options against the configuration, in process: appsettings.json &lt; CLASSSCAN_* &lt; what was
/// typed, an option left out never shadows the file, and the defaults are stated once (the options types) and agree
/// with the help, the pipeline and the shipped example.
/// </summary>
public sealed class ScanArgumentsTests : IDisposable
{
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("classscan-args-");

    public void Dispose() => work.Delete(recursive: true);

    private string Config(string json)
    {
        var path = Path.Combine(work.FullName, $"cfg{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }

    private static (ScanArguments Arguments, ParseResult Parse) Parse(params string[] args)
    {
        var arguments = new ScanArguments();
        var root = new RootCommand { ConfigOption.Instance };
        root.Subcommands.Add(ScanCommand.Create(arguments));
        var parse = root.Parse(["scan", .. args]);
        Assert.Empty(parse.Errors);
        return (arguments, parse);
    }

    private static LoadedConfiguration Load(Dictionary<string, string?> environment, params string[] args)
    {
        var (arguments, parse) = Parse(args);
        var loaded = arguments.Load(parse, environment);
        Assert.True(loaded.IsValid, string.Join("; ", loaded.Errors));
        return loaded;
    }

    private static readonly Dictionary<string, string?> NoEnvironment = [];

    private const string FileJson = """
        {
          "Scan": { "Source": "graph", "Path": "/fil/in", "Out": "/fil/ut", "State": "/fil/state.db", "Parallelism": 3, "TimeoutSeconds": 30, "MaxFileMb": 7,
                    "InProcess": true, "NoModel": true, "Include": ["*.docx"], "Formats": ["jsonl"] },
          "Graph": { "Concurrency": 9, "BaseUrl": "https://fil.example/v1.0", "Organisation": "Filkommun", "Sites": ["https://k.sharepoint.com/sites/fil"] }
        }
        """;

    /// <summary>key → (file, environment, typed option and value, the value the option gives).</summary>
    public static TheoryData<string, string, string, string, string> Keys => new()
    {
        { "Scan:Out", "/fil/ut", "/miljö/ut", "--out", "/typad/ut" },
        { "Scan:Parallelism", "3", "5", "--parallelism", "7" },
        { "Scan:TimeoutSeconds", "30", "40", "--timeout", "50" },
        { "Scan:MaxFileMb", "7", "8", "--max-file-mb", "9" },
        { "Scan:State", "/fil/state.db", "/miljö/state.db", "--state", "/typad/state.db" },
        { "Scan:Source", "graph", "local", "--source", "graph" },
        { "Graph:Concurrency", "9", "10", "--graph-concurrency", "11" },
        { "Graph:BaseUrl", "https://fil.example/v1.0", "https://miljo.example/v1.0", "--graph-base-url", "https://typad.example/v1.0" },
        { "Graph:Organisation", "Filkommun", "Miljökommun", "--organisation", "Typad kommun" },
    };

    private static string Value(LoadedConfiguration loaded, string key)
    {
        var s = loaded.Settings;
        object? v = key switch
        {
            "Scan:Out" => s.Scan.Out,
            "Scan:Parallelism" => s.Scan.Parallelism,
            "Scan:TimeoutSeconds" => s.Scan.TimeoutSeconds,
            "Scan:MaxFileMb" => s.Scan.MaxFileMb,
            "Scan:State" => s.Scan.StatePath,
            "Scan:Source" => s.Scan.Source,
            "Graph:Concurrency" => s.Graph.Concurrency,
            "Graph:BaseUrl" => s.Graph.BaseUrl,
            "Graph:Organisation" => s.Graph.Organisation,
            _ => throw new ArgumentOutOfRangeException(nameof(key)),
        };
        return Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)!;
    }

    private static Dictionary<string, string?> Environment(string key, string? value) =>
        value is null ? [] : new() { [ConfigurationLoader.EnvironmentPrefix + key.Replace(":", "__", StringComparison.Ordinal)] = value };

    [Theory]
    [MemberData(nameof(Keys))]
    public void Load_FileEnvironmentTyped_EachLaterSourceWins(string key, string inFile, string inEnvironment, string option, string typed)
    {
        var file = Config(FileJson);

        Assert.Equal(inFile, Value(Load([], "--config", file), key));
        Assert.Equal(inEnvironment, Value(Load(Environment(key, inEnvironment), "--config", file), key));
        Assert.Equal(typed, Value(Load(Environment(key, inEnvironment), "--config", file, option, typed), key));
    }

    /// <summary>Options that had a default of their own (--out scan-out, --parallelism, --source local, ...) once
    /// silently beat the file; left out, every one must now leave the file's value.</summary>
    [Fact]
    public void Load_NoOptionTyped_EveryFileValueKept()
    {
        var loaded = Load([], "--config", Config(FileJson));

        var scan = loaded.Settings.Scan;
        Assert.Equal(("graph", "/fil/in", "/fil/ut", "/fil/state.db", 3, 30, 7), (scan.Source, scan.Path, scan.Out, scan.StatePath, scan.Parallelism, scan.TimeoutSeconds, scan.MaxFileMb));
        Assert.True(scan.InProcess);
        Assert.True(scan.NoModel);
        Assert.Equal(["*.docx"], scan.Include ?? []);
        Assert.True(scan.WritesJsonLines);
        Assert.Equal((9, "https://fil.example/v1.0", "Filkommun"), (loaded.Settings.Graph.Concurrency, loaded.Settings.Graph.BaseUrl, loaded.Settings.Graph.Organisation));
        Assert.Equal(["https://k.sharepoint.com/sites/fil"], loaded.Settings.Graph.Sites ?? []);
    }

    [Fact]
    public void Load_OneOptionTyped_OnlyThatKeyChanges()
    {
        var file = Config(FileJson);
        var untouched = Load([], "--config", file);

        var loaded = Load([], "--config", file, "--timeout", "99");

        Assert.Equal(99, loaded.Settings.Scan.TimeoutSeconds);
        foreach (var key in Keys.Select(row => (string)row[0]).Where(k => k != "Scan:TimeoutSeconds"))
            Assert.Equal(Value(untouched, key), Value(loaded, key));
    }

    [Fact]
    public void Load_RepeatableOptionTyped_ReplacesTheConfiguredListAndIsValidated()
    {
        var file = Config(FileJson);

        var loaded = Load([], "--config", file, "--include", "*.pdf", "--include", "*.txt", "--site", "https://k.sharepoint.com/sites/typad");

        Assert.Equal(["*.pdf", "*.txt"], loaded.Settings.Scan.Include ?? []);
        Assert.Equal(["https://k.sharepoint.com/sites/typad"], loaded.Settings.Graph.Sites ?? []);
        var (arguments, parse) = Parse("--config", file, "--exclude", " ");
        Assert.Equal("Scan:Exclude:0", Assert.Single(arguments.Load(parse, NoEnvironment).Errors).Key);
    }

    [Theory]
    [InlineData("--parallelism", "0", "Scan:Parallelism")]
    [InlineData("--timeout", "0", "Scan:TimeoutSeconds")]
    [InlineData("--max-file-mb", "0", "Scan:MaxFileMb")]
    [InlineData("--graph-concurrency", "0", "Graph:Concurrency")]
    [InlineData("--graph-base-url", "graph.microsoft.com", "Graph:BaseUrl")]
    public void Load_TypedValueBreaksRule_ErrorNamesTheSetting(string option, string value, string key)
    {
        var (arguments, parse) = Parse(option, value);

        var e = Assert.Single(arguments.Load(parse, NoEnvironment).Errors);

        Assert.Equal(key, e.Key);
    }

    [Fact]
    public void Options_NoneHasADefaultOfItsOwn_HelpNamesTheOptionsTypesDefault()
    {
        var arguments = new ScanArguments();
        var command = ScanCommand.Create(arguments);
        var keyed = arguments.Settings.Concat(arguments.Graph.Settings).ToList();

        // A flag has System.CommandLine's own "false" when absent; only typed values become overrides, so that one
        // cannot shadow the file (Load_NoOptionTyped_EveryFileValueKept: InProcess and NoModel stay true).
        Assert.All(command.Options, o => Assert.True(!o.HasDefaultValue || o is Option<bool>, $"{o.Name} has a default of its own"));

        Assert.Equal(19, keyed.Count);
        foreach (var (option, key) in keyed)
        {
            Assert.True(!option.HasDefaultValue || option is Option<bool>, $"{option.Name} has a default that would shadow {key}");
            Assert.Contains($"({key})", option.Description);
            if (SettingDefaults.All.TryGetValue(key, out var value) && key != "Scan:Parallelism")
                Assert.Contains($"Default: {value}.", option.Description);
        }
        Assert.Contains("Default: the number of processors.", arguments.Parallelism.Description);
        Assert.Contains("Default: 60.", arguments.Timeout.Description);
        Assert.Contains("Default: scan-out.", arguments.Out.Description);
        Assert.Contains("Default: 4.", arguments.Graph.Concurrency.Description);
    }

    [Fact]
    public async Task ScanHelp_ShowsTheOptionsTypesDefaults_AndNoneOfItsOwn()
    {
        var run = await CliRunner.RunAsync("scan", "--help");

        Assert.Equal(0, run.ExitCode);
        var help = string.Join(' ', run.StdOut.Split((char[])['\n', ' '], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"(Scan:TimeoutSeconds) Default: {new ScanSettings().TimeoutSeconds}.", help);
        Assert.Contains($"(Scan:MaxFileMb) Default: {new ScanSettings().MaxFileMb}.", help);
        Assert.Contains($"(Graph:BaseUrl) Default: {new GraphSettings().BaseUrl}.", help);
        Assert.DoesNotContain("[default:", help, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The pipeline's limits are the defaults' one home: a scan without configuration runs with them.</summary>
    [Fact]
    public void Defaults_ScanSettings_AreThePipelinesOwn()
    {
        var pipeline = new ScanOptions();

        var fromSettings = new ScanSettings().ToScanOptions();

        Assert.Equal(pipeline, fromSettings);
        Assert.Equal(ExtractionLimits.Default, fromSettings.Limits);
        Assert.Equal(new Sources.Graph.GraphConnectionOptions().MaxConcurrency, new GraphSettings().Concurrency);
    }

    [Theory]
    [InlineData(60, 30)]
    [InlineData(20, 10)]
    [InlineData(1, 0.5)]
    public void ToScanOptions_FileTimeout_ExtractionStopsBetweenPagesAtHalfOfIt(int timeoutSeconds, double expectedSeconds)
    {
        var options = new ScanSettings { TimeoutSeconds = timeoutSeconds }.ToScanOptions();

        Assert.Equal(TimeSpan.FromSeconds(timeoutSeconds), options.FileTimeout);
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), options.Limits.MaxExtractionTime);
    }

    [Fact]
    public void Defaults_NoFileNoEnvironmentNoOption_AreTheOptionsTypes()
    {
        var loaded = Load([]);

        var s = loaded.Settings;
        Assert.Equal(
            [SettingDefaults.All["Scan:Source"], SettingDefaults.All["Scan:Out"], SettingDefaults.All["Scan:TimeoutSeconds"], SettingDefaults.All["Scan:MaxFileMb"],
             SettingDefaults.All["Graph:Concurrency"], SettingDefaults.All["Graph:BaseUrl"], SettingDefaults.All["Log:FileCount"]],
            [s.Scan.Source, s.Scan.Out, $"{s.Scan.TimeoutSeconds}", $"{s.Scan.MaxFileMb}", $"{s.Graph.Concurrency}", s.Graph.BaseUrl, $"{s.Log.FileCount}"]);
        Assert.Equal(["local", "scan-out", "60", "512", "4"], [s.Scan.Source, s.Scan.Out, $"{s.Scan.TimeoutSeconds}", $"{s.Scan.MaxFileMb}", $"{s.Graph.Concurrency}"]);
        Assert.Equal(System.Environment.ProcessorCount, s.Scan.Parallelism);
        Assert.Equal(Path.Combine("scan-out", "classscan-state.db"), loaded.Settings.Scan.StatePath);
    }

    /// <summary>Keys the example sets for a deployment on purpose; every other key it shows must show the default.</summary>
    private static readonly string[] DeploymentChoices =
        ["Scan:Path", "Scan:Out", "Scan:Parallelism", "Scan:Exclude", "Scan:Formats", "Graph:Sites", "Graph:Organisation"];

    [Fact]
    public void ShippedExample_ShowsTheOptionsTypesDefaults()
    {
        var example = new ConfigurationBuilder().AddJsonFile(Path.Combine(SharedData.RepoRoot, "deploy", "appsettings.example.json")).Build();
        var shown = example.AsEnumerable().Where(kv => kv.Value is { Length: > 0 } && !kv.Key.StartsWith("Departments", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(shown);
        var compared = 0;
        foreach (var (key, value) in shown)
        {
            if (DeploymentChoices.Any(d => key == d || key.StartsWith(d + ":", StringComparison.Ordinal))) continue;
            Assert.True(SettingDefaults.All.TryGetValue(key, out var expected), $"{key} in the example is no setting with a default");
            Assert.Equal(expected, value, ignoreCase: true);
            compared++;
        }
        Assert.True(compared >= 8, $"only {compared} defaults compared");
        // Every scalar setting with a default is in the example, so a coordinator sees them all.
        foreach (var key in SettingDefaults.All.Keys)
            Assert.True(example[key] is not null, $"{key} is missing from the example");
    }

    [Theory]
    [InlineData(new string[0], "/fil/state.db")]
    [InlineData(new[] { "--out", "/typad/ut" }, "/fil/state.db")]
    [InlineData(new[] { "--state", "/typad/state.db" }, "/typad/state.db")]
    public void ShowStatePath_SameResolutionAsScan(string[] typed, string expected)
    {
        var file = Config(FileJson);
        var show = ShowCommand.Create();
        var root = new RootCommand { ConfigOption.Instance };
        root.Subcommands.Add(show);
        var outDir = show.Options.OfType<Option<string?>>().Single(o => o.Name == "--out");

        var path = ShowCommand.StatePath(root.Parse(["show", "f0000000000000", "--config", file, .. typed]), outDir, NoEnvironment);

        Assert.Equal(expected, path);
        Assert.Equal(expected, Load([], ["--config", file, .. typed]).Settings.Scan.StatePath);
    }

    [Fact]
    public void ShowStatePath_NoStateConfigured_BesideTheTypedOutput()
    {
        var file = Config("""{ "Scan": { "Out": "/fil/ut" } }""");
        var show = ShowCommand.Create();
        var root = new RootCommand { ConfigOption.Instance };
        root.Subcommands.Add(show);
        var outDir = show.Options.OfType<Option<string?>>().Single(o => o.Name == "--out");

        Assert.Equal("/fil/ut/classscan-state.db", ShowCommand.StatePath(root.Parse(["show", "f0000000000000", "--config", file]), outDir, NoEnvironment));
        Assert.Equal("/typad/classscan-state.db", ShowCommand.StatePath(root.Parse(["show", "f0000000000000", "--config", file, "--out", "/typad"]), outDir, NoEnvironment));
    }
}
