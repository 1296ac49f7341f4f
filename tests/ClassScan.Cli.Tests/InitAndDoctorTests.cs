using ClassScan.Cli.Configuration;
using ClassScan.TestSupport;

namespace ClassScan.Cli.Tests;

/// <summary><c>classscan init</c> and <c>classscan doctor</c> through the real binary.</summary>
public sealed class InitAndDoctorTests : IDisposable
{
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("classscan-doctor-");

    public void Dispose() => work.Delete(recursive: true);

    private string Config(string json)
    {
        var path = Path.Combine(work.FullName, "appsettings.json");
        File.WriteAllText(path, json);
        return path;
    }

    private static string Json(string s) => System.Text.Json.JsonSerializer.Serialize(s);

    [Fact]
    public async Task Init_WritesTheShippedExample_LoadsValid_RefusesToOverwrite()
    {
        var target = Path.Combine(work.FullName, "etc", "appsettings.json");

        var run = await CliRunner.RunAsync("init", "--config", target);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(File.ReadAllText(Path.Combine(SharedData.RepoRoot, "deploy", "appsettings.example.json")), File.ReadAllText(target));
        Assert.Contains("classscan doctor --config", run.StdOut);
        Assert.True(ConfigurationLoader.Load(target, environment: new Dictionary<string, string?>()).IsValid);

        var again = await CliRunner.RunAsync("init", "--config", target);
        Assert.Equal(ExitCodes.UsageError, again.ExitCode);
        Assert.Contains("--force", again.StdErr);
        Assert.Equal(0, (await CliRunner.RunAsync("init", "--config", target, "--force")).ExitCode);
    }

    [Fact]
    public async Task Doctor_BrokenConfiguration_NamesEachSettingAndExitsNonZero()
    {
        var config = Config("""
            {
              "Scan": { "Parallelism": 0, "Out": "OUT" },
              "Departments": [ { "Name": "Socialförvaltningen", "SiteUrls": [ "inte-en-adress" ] } ]
            }
            """.Replace("OUT", Path.Combine(work.FullName, "out").Replace("\\", "\\\\"), StringComparison.Ordinal));

        var run = await CliRunner.RunAsync("doctor", "--config", config);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("FEL     Konfiguration Scan:Parallelism", run.StdOut);
        Assert.Contains("Departments:0:SiteUrls:0", run.StdOut);
        Assert.Contains("Åtgärd: Ändra Scan:Parallelism", run.StdOut);
        Assert.Contains("CLASSSCAN_Scan__Parallelism", run.StdOut);
        Assert.Contains("2 fel", run.StdOut);
    }

    [Fact]
    public async Task Doctor_SecretInFile_NamesKeyNotValue()
    {
        var config = Config("""{ "Graph": { "TenantId": "kommun.se", "ClientId": "00000000-0000-0000-0000-000000000001", "ClientSecret": "topphemligt" } }""");

        var run = await CliRunner.RunAsync("doctor", "--config", config);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("Graph:ClientSecret", run.StdOut);
        Assert.DoesNotContain("topphemligt", run.StdOut + run.StdErr);
    }

    [Fact]
    public async Task Doctor_WorkingSetup_AllChecksPassIncludingWorkerRoundTrip()
    {
        var samples = Path.Combine(SharedData.RepoRoot, "tests", "samples");
        var config = Config($$"""{ "Scan": { "Path": {{Json(samples)}}, "Out": {{Json(Path.Combine(work.FullName, "out"))}} } }""");

        var run = await CliRunner.RunAsync("doctor", "--config", config);

        Assert.True(run.ExitCode == 0, run.StdOut + run.StdErr);
        Assert.Contains("OK      Arbetsprocess: startade och läste en provfil", run.StdOut);
        Assert.Contains("OK      Klassificerare", run.StdOut);
        Assert.Contains("OK      Utmapp", run.StdOut);
        Assert.Contains("HOPPAS  Microsoft Graph: inga Graph-inställningar", run.StdOut);
        Assert.Contains("OK      Tillståndsdatabas: " + Path.Combine(work.FullName, "out", "classscan-state.db") + " finns inte än och skapas vid första körningen", run.StdOut);
        Assert.DoesNotContain("FEL", run.StdOut);
    }

    [Fact]
    public async Task Doctor_MissingScanFolderGraphWithoutCredentialAndBadState_EachFailsWithFix()
    {
        var state = Path.Combine(work.FullName, "state.db");
        File.WriteAllText(state, "det här är ingen databas");
        var config = Config($$"""
            {
              "Scan": { "Path": {{Json(Path.Combine(work.FullName, "finns-inte"))}}, "Out": {{Json(Path.Combine(work.FullName, "out"))}}, "NoModel": true },
              "Graph": { "TenantId": "kommun.se", "ClientId": "00000000-0000-0000-0000-000000000001" }
            }
            """);

        var run = await CliRunner.RunAsync("doctor", "--config", config, "--state", state);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("FEL     Skanningsmapp", run.StdOut);
        Assert.Contains("FEL     Tillståndsdatabas", run.StdOut);
        Assert.Contains("ingen SQLite-databas", run.StdOut);
        Assert.Contains("FEL     Microsoft Graph: Graph är konfigurerat men inget sätt att logga in", run.StdOut);
        Assert.Contains("HOPPAS  Klassificerare", run.StdOut);
        Assert.Contains("3 fel", run.StdOut);
    }

    [Fact]
    public async Task Scan_BrokenConfiguration_RefusedAtStartNamingSetting()
    {
        var config = Config("""{ "Scan": { "TimeoutSeconds": "lång" } }""");

        var run = await CliRunner.RunAsync("scan", "--config", config, "--out", Path.Combine(work.FullName, "out"));

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("Scan:TimeoutSeconds", run.StdErr);
        Assert.False(Directory.Exists(Path.Combine(work.FullName, "out")));
    }
}
