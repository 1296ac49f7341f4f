using ClassScan.Cli.Configuration;
using ClassScan.TestSupport;

namespace ClassScan.Cli.Tests;

/// <summary>Configuration loading in process: order of sources, and errors that name the setting.</summary>
public sealed class ConfigurationTests : IDisposable
{
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("classscan-config-");
    private static readonly Dictionary<string, string?> NoEnvironment = [];

    public void Dispose() => work.Delete(recursive: true);

    private string Config(string json)
    {
        var path = Path.Combine(work.FullName, $"cfg{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }

    private static LoadedConfiguration Load(string? file, Dictionary<string, string?>? cli = null, Dictionary<string, string?>? env = null) =>
        ConfigurationLoader.Load(file, cli, env ?? NoEnvironment);

    [Fact]
    public void Load_FileThenEnvironmentThenCommandLine_LaterWins()
    {
        var file = Config("""{ "Scan": { "Out": "/from/file", "Parallelism": 3, "TimeoutSeconds": 30, "Formats": ["jsonl"] } }""");
        var env = new Dictionary<string, string?> { ["CLASSSCAN_Scan__Parallelism"] = "5", ["CLASSSCAN_Scan__TimeoutSeconds"] = "40", ["OTHER"] = "x" };
        var cli = new Dictionary<string, string?> { ["Scan:TimeoutSeconds"] = "50" };

        var loaded = Load(file, cli, env);

        Assert.True(loaded.IsValid, string.Join("; ", loaded.Errors));
        Assert.Equal("/from/file", loaded.Settings.Scan.Out);
        Assert.Equal(5, loaded.Settings.Scan.Parallelism);
        Assert.Equal(50, loaded.Settings.Scan.TimeoutSeconds);
        Assert.True(loaded.Settings.Scan.WritesJsonLines);
        Assert.Equal(file, loaded.File);
    }

    [Fact]
    public void Load_CommentsAndTrailingCommas_Accepted()
    {
        var loaded = Load(Config("""
            // a comment before the object
            {
              /* block */ "Scan": { "Out": "x", }, // trailing comma
            }
            """));

        Assert.True(loaded.IsValid, string.Join("; ", loaded.Errors));
        Assert.Equal("x", loaded.Settings.Scan.Out);
    }

    [Fact]
    public void Load_MisspeltKey_NamedWithSuggestion()
    {
        var loaded = Load(Config("""{ "Scan": { "Paralelism": 2 } }"""));

        var e = Assert.Single(loaded.Errors);
        Assert.Equal("Scan:Paralelism", e.Key);
        Assert.Contains("Scan:Parallelism", e.Problem);
    }

    [Theory]
    [InlineData("""{ "Scan": { "Parallelism": "många" } }""", "Scan:Parallelism", "heltal")]
    [InlineData("""{ "Scan": { "Parallelism": 0 } }""", "Scan:Parallelism", "är 0, måste vara 1–1024")]
    [InlineData("""{ "Scan": { "Parallelism": 1025 } }""", "Scan:Parallelism", "1–1024")]
    [InlineData("""{ "Scan": { "TimeoutSeconds": -1 } }""", "Scan:TimeoutSeconds", "1–86400")]
    [InlineData("""{ "Scan": { "TimeoutSeconds": 86401 } }""", "Scan:TimeoutSeconds", "1–86400")]
    [InlineData("""{ "Scan": { "MaxFileMb": 0 } }""", "Scan:MaxFileMb", "1–1048576")]
    [InlineData("""{ "Scan": { "Model": "m.zip", "NoModel": true } }""", "Scan:NoModel", "välj en")]
    [InlineData("""{ "Scan": { "Include": ["*.docx", " "] } }""", "Scan:Include:1", "tomt mönster")]
    [InlineData("""{ "Scan": { "Exclude": [""] } }""", "Scan:Exclude:0", "tomt mönster")]
    [InlineData("""{ "Scan": { "State": "  " } }""", "Scan:State", "blanksteg")]
    [InlineData("""{ "Scan": { "Source": "Graph" } }""", "Scan:Source", "local eller graph")]
    [InlineData("""{ "Scan": { "InProcess": "kanske" } }""", "Scan:InProcess", "true eller false")]
    [InlineData("""{ "Scan": { "Formats": ["csv", "xml"] } }""", "Scan:Formats:1", "xml")]
    [InlineData("""{ "Scan": { "Out": " " } }""", "Scan:Out", "utmappen")]
    [InlineData("""{ "Log": { "FileLevel": "Mycket" } }""", "Log:FileLevel", "loggnivå")]
    [InlineData("""{ "Log": { "FileCount": 0 } }""", "Log:FileCount", "1–100")]
    [InlineData("""{ "Log": { "FileCount": 101 } }""", "Log:FileCount", "1–100")]
    [InlineData("""{ "Log": { "FileMaxMegabytes": 1025 } }""", "Log:FileMaxMegabytes", "1–1024")]
    [InlineData("""{ "Log": { "ConsoleLevel": "Verbose" } }""", "Log:ConsoleLevel", "loggnivå")]
    [InlineData("""{ "Departments": [ { "PathGlobs": ["a/**"] } ] }""", "Departments:0:Name", "namn")]
    [InlineData("""{ "Departments": [ { "Name": "Kultur" } ] }""", "Departments:0", "ingen regel")]
    [InlineData("""{ "Departments": [ { "Name": "okänd", "PathGlobs": ["a"] } ] }""", "Departments:0:Name", "reserverat")]
    [InlineData("""{ "Departments": [ { "Name": "A", "PathGlobs": ["a"] }, { "Name": "a", "PathGlobs": ["b"] } ] }""", "Departments:1:Name", "samma filnamn")]
    [InlineData("""{ "Departments": [ { "Name": "A", "SiteUrls": ["sharepoint/sites/a"] } ] }""", "Departments:0:SiteUrls:0", "webbadress")]
    [InlineData("""{ "Departments": [ { "Name": "A", "Owner": ["x"] } ] }""", "Departments:0:Owner", "Owners")]
    [InlineData("""{ "Scan": { "Source": "sharepoint" } }""", "Scan:Source", "local eller graph")]
    [InlineData("""{ "Graph": { "Concurrency": 0 } }""", "Graph:Concurrency", "1–64")]
    [InlineData("""{ "Graph": { "Concurrency": 65 } }""", "Graph:Concurrency", "1–64")]
    [InlineData("""{ "Graph": { "BaseUrl": "ftp://graph.microsoft.com/v1.0" } }""", "Graph:BaseUrl", "http(s)")]
    [InlineData("""{ "Departments": [ { "Name": "A", "PathGlobs": [" "] } ] }""", "Departments:0:PathGlobs:0", "tomt mönster")]
    [InlineData("""{ "Departments": [ { "Name": "A", "Owners": [""] } ] }""", "Departments:0:Owners:0", "tomt värde")]
    [InlineData("""{ "Scn": { "Out": "x" } }""", "Scn", "menade du Scan?")]
    [InlineData("""{ "Graph": { "BaseUrl": "graph.microsoft.com" } }""", "Graph:BaseUrl", "http(s)")]
    [InlineData("""{ "Graph": { "Drive": ["b!x"] } }""", "Graph:Drive", "Graph:Drives")]
    [InlineData("""{ "Graph": { "ClientSecret": "hemligt" } }""", "Graph:ClientSecret", "miljö")]
    public void Load_BadSetting_ErrorNamesIt(string json, string key, string problem)
    {
        var loaded = Load(Config(json));

        var e = Assert.Single(loaded.Errors, e => e.Key == key);
        Assert.Contains(problem, e.Problem);
    }

    /// <summary>The positive side of every rule above: the edge of each range and each accepted spelling loads clean.</summary>
    [Theory]
    [InlineData("""{ "Scan": { "Parallelism": 1, "TimeoutSeconds": 1, "MaxFileMb": 1 } }""")]
    [InlineData("""{ "Scan": { "Parallelism": 1024, "TimeoutSeconds": 86400, "MaxFileMb": 1048576 } }""")]
    [InlineData("""{ "Scan": { "Source": "graph", "Formats": ["csv", " JSONL "] } }""")]
    [InlineData("""{ "Scan": { "Model": "m.zip", "NoModel": false, "Include": ["*.docx"], "Exclude": ["Arkiv/**"] } }""")]
    [InlineData("""{ "Scan": { "NoModel": true, "Model": "" } }""")]
    [InlineData("""{ "Scan": { "State": "/var/lib/classscan/state.db" } }""")]
    [InlineData("""{ "Scan": { "State": "" } }""")]
    [InlineData("""{ "Log": { "ConsoleLevel": "debug", "FileLevel": "None", "FileCount": 100, "FileMaxMegabytes": 1024 } }""")]
    [InlineData("""{ "Log": { "FileCount": 1, "FileMaxMegabytes": 1 } }""")]
    [InlineData("""{ "Graph": { "Concurrency": 64, "BaseUrl": "http://localhost:5000/v1.0" } }""")]
    [InlineData("""{ "Graph": { "Concurrency": 1 } }""")]
    [InlineData("""{ "Departments": [ { "Name": "A", "Owners": ["*@a.se"] }, { "Name": "B", "SiteUrls": ["https://k.sharepoint.com/sites/b"] } ] }""")]
    public void Load_SettingAtEdgeOfRule_Accepted(string json)
    {
        var loaded = Load(Config(json));

        Assert.True(loaded.IsValid, string.Join("; ", loaded.Errors));
    }

    [Fact]
    public void Load_SeveralBadSettings_EachNamedOnceAndTheRestStillBound()
    {
        var loaded = Load(Config("""{ "Scan": { "Parallelism": 0, "TimeoutSeconds": 0, "Out": "/ut" }, "Graph": { "Concurrency": 0 } }"""));

        Assert.Equal(["Graph:Concurrency", "Scan:Parallelism", "Scan:TimeoutSeconds"], loaded.Errors.Select(e => e.Key).Order());
        // Bound even though invalid: doctor reports on the rest, show reads the output folder.
        Assert.Equal("/ut", loaded.Settings.Scan.Out);
    }

    /// <summary>The state's path used to be looked for under keys nothing bound; now they are refused, pointing to Scan:State.</summary>
    [Theory]
    [InlineData("""{ "State": { "Path": "/var/lib/s.db" } }""", "State")]
    [InlineData("""{ "Graph": { "StatePath": "/var/lib/s.db" } }""", "Graph:StatePath")]
    [InlineData("""{ "Graph": { "State": "/var/lib/s.db" } }""", "Graph:State")]
    [InlineData("""{ "Scan": { "StatePath": "/var/lib/s.db" } }""", "Scan:StatePath")]
    public void Load_FormerStateKey_RefusedPointingToScanState(string json, string key)
    {
        var e = Assert.Single(Load(Config(json)).Errors);

        Assert.Equal(key, e.Key);
        Assert.Contains("Scan:State", e.Problem);
    }

    [Theory]
    [InlineData(null, null, "OUT/classscan-state.db")]
    [InlineData("/var/lib/classscan/state.db", null, "/var/lib/classscan/state.db")]
    [InlineData(null, "/från/miljön.db", "/från/miljön.db")]
    [InlineData("/från/filen.db", "/från/miljön.db", "/från/miljön.db")]
    public void Load_StatePath_ScanStateElseBesideTheReports(string? inFile, string? inEnvironment, string expected)
    {
        var file = Config(inFile is null ? """{ "Scan": { "Out": "OUT" } }""" : $$"""{ "Scan": { "Out": "OUT", "State": "{{inFile}}" } }""");
        var env = new Dictionary<string, string?>();
        if (inEnvironment is not null) env["CLASSSCAN_Scan__State"] = inEnvironment;

        var loaded = Load(file, env: env);

        Assert.True(loaded.IsValid, string.Join("; ", loaded.Errors));
        Assert.Equal(expected, loaded.Settings.Scan.StatePath.Replace('\\', '/'));
    }

    [Fact]
    public void Load_SecretInFile_RefusedNamingKeyWithoutEchoingValue()
    {
        var loaded = Load(Config("""{ "Graph": { "TenantId": "kommun.se", "ClientSecret": "hemligt-värde-123" } }"""));

        var e = Assert.Single(loaded.Errors);
        Assert.Equal("Graph:ClientSecret", e.Key);
        Assert.Contains("CLASSSCAN_Graph__ClientSecret", e.Problem);
        Assert.DoesNotContain("hemligt", e.ToString());
    }

    [Fact]
    public void Load_SecretFromEnvironment_Accepted()
    {
        var loaded = Load(Config("""{ "Graph": { "TenantId": "kommun.se" } }"""), env: new() { ["CLASSSCAN_Graph__ClientSecret"] = "s3cret" });

        Assert.True(loaded.IsValid, string.Join("; ", loaded.Errors));
        Assert.Equal("s3cret", loaded.Root["Graph:ClientSecret"]);
    }

    [Fact]
    public void Load_InvalidJson_NamesFileAndLine()
    {
        var file = Config("{\n  \"Scan\": {\n    \"Out\": \"x\"\n    \"Parallelism\": 2\n  }\n}");

        var e = Assert.Single(Load(file).Errors);
        Assert.Equal("--config", e.Key);
        Assert.Contains(file, e.Problem);
        Assert.Contains("rad 4", e.Problem);
    }

    [Fact]
    public void Load_ConfigFileMissing_NamesOption()
    {
        var e = Assert.Single(Load(Path.Combine(work.FullName, "saknas.json")).Errors);

        Assert.Equal("--config", e.Key);
        Assert.Contains("classscan init", e.Problem);
    }

    [Fact]
    public void Load_ConfigFromEnvironmentVariable_Used()
    {
        var file = Config("""{ "Scan": { "Out": "/via/env" } }""");

        var loaded = Load(null, env: new() { ["CLASSSCAN_CONFIG"] = file });

        Assert.Equal("/via/env", loaded.Settings.Scan.Out);
    }

    [Fact]
    public void Load_ShippedExample_IsValidAndHasDepartments()
    {
        var loaded = Load(Path.Combine(SharedData.RepoRoot, "deploy", "appsettings.example.json"));

        Assert.True(loaded.IsValid, string.Join("; ", loaded.Errors));
        Assert.Equal(3, loaded.Settings.Departments.Count);
        Assert.True(loaded.Settings.Scan.WritesJsonLines);
    }

    [Fact]
    public void Load_NoFileAnywhere_DefaultsAreValid()
    {
        var loaded = Load(null);

        Assert.True(loaded.IsValid, string.Join("; ", loaded.Errors));
        Assert.Equal("scan-out", loaded.Settings.Scan.Out);
        Assert.Empty(loaded.Settings.Departments);
    }

    [Fact]
    public void Load_GraphSection_BoundWithSecretFromEnvironmentOnly()
    {
        var file = Config("""{ "Scan": { "Source": "graph" }, "Graph": { "Sites": ["https://kommun.sharepoint.com/sites/hr"], "TenantId": "t", "Concurrency": 8 } }""");
        var env = new Dictionary<string, string?> { ["CLASSSCAN_Graph__ClientSecret"] = "från-miljön", ["CLASSSCAN_Graph__Concurrency"] = "6" };
        var cli = new Dictionary<string, string?> { ["Graph:TenantId"] = "från-kommandoraden" };

        var loaded = Load(file, cli, env);

        Assert.True(loaded.IsValid, string.Join("; ", loaded.Errors));
        Assert.Equal("graph", loaded.Settings.Scan.Source);
        Assert.Equal(["https://kommun.sharepoint.com/sites/hr"], loaded.Settings.Graph.Sites ?? []);
        Assert.Equal("från-kommandoraden", loaded.Settings.Graph.TenantId);
        Assert.Equal(6, loaded.Settings.Graph.Concurrency);
        Assert.Equal("från-miljön", loaded.Settings.Graph.ClientSecret);
    }
}
