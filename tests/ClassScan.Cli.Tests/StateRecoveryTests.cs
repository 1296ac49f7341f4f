using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace ClassScan.Cli.Tests;

/// <summary>
/// A damaged state file must not end every night's run with exit 2: the real binary moves it aside, rebuilds the
/// state by reading every file, and says so (exit 5, summary.json, rapport.html, log). A newer schema is refused untouched.
/// </summary>
public sealed class StateRecoveryTests : IDisposable
{
    private const int FileCount = 3;
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("classscan-state-");

    public StateRecoveryTests()
    {
        In("elevlista.txt", "Elevlista klass 3B\nElsa Berg, personnummer 19121212-1212\n");
        In("veckobrev.txt", "Hej föräldrar! På fredag är det friluftsdag.");
        In("protokoll.txt", "Protokoll från styrelsemötet. Beslut om nya möbler till biblioteket.");
    }

    public void Dispose() => work.Delete(recursive: true);

    private string InDir => Path.Combine(work.FullName, "in");
    private string Out => Path.Combine(work.FullName, "out");
    private string StateFile => Path.Combine(Out, "classscan-state.db");

    private void In(string name, string content)
    {
        Directory.CreateDirectory(InDir);
        File.WriteAllText(Path.Combine(InDir, name), content, new UTF8Encoding(false));
    }

    private Task<CliRunner.Run> ScanAsync() => CliRunner.RunAsync("scan", InDir, "--out", Out, "--parallelism", "1", "--in-process");

    private string[] CorruptFiles() => Directory.GetFiles(Out, "classscan-state.db.corrupt-*");

    private JsonElement Summary() => JsonDocument.Parse(File.ReadAllText(Path.Combine(Out, "summary.json"))).RootElement;

    public static TheoryData<string> Damages => ["header", "pages"];

    /// <summary>Overwrites the SQLite header (→ SQLITE_NOTADB) or every page after the first (→ SQLITE_CORRUPT / quick_check).</summary>
    private void Damage(string how)
    {
        var bytes = File.ReadAllBytes(StateFile);
        var random = new Random(42);
        if (how == "header")
        {
            for (var i = 0; i < 100; i++) bytes[i] = 0xA5;
        }
        else
        {
            var pageSize = (bytes[16] << 8) | bytes[17];
            Assert.True(bytes.Length > pageSize, "the state must have more than one page to damage");
            random.NextBytes(bytes.AsSpan(pageSize));
        }
        File.WriteAllBytes(StateFile, bytes);
    }

    [Theory]
    [MemberData(nameof(Damages))]
    public async Task Scan_DamagedState_MovesItAsideRescansEveryFileAndExitsFive(string how)
    {
        var first = await ScanAsync();
        Assert.Equal(1, first.ExitCode);
        Damage(how);
        var damaged = File.ReadAllBytes(StateFile);

        var second = await ScanAsync();

        Assert.Equal(5, second.ExitCode);
        var moved = Assert.Single(CorruptFiles(), f => !f.EndsWith("-wal", StringComparison.Ordinal) && !f.EndsWith("-shm", StringComparison.Ordinal));
        Assert.Matches(@"\.corrupt-\d{8}-\d{6}$", moved);
        Assert.Equal(damaged, File.ReadAllBytes(moved));
        // Every verdict recovered by reading every file again: none was skipped as unchanged.
        Assert.Contains($"Tillstånd: {FileCount} filer listade, 0 oförändrade hoppades över, {FileCount} lästes", second.StdOut);
        Assert.Equal(FileCount, ReportReader.Read(Path.Combine(Out, "results.csv")).Count);
        Assert.Single(ReportReader.Read(Path.Combine(Out, "flagged.csv")));
        var summary = Summary();
        Assert.True(summary.GetProperty("complete").GetBoolean());
        var recovered = summary.GetProperty("state_recovered");
        Assert.Equal(moved, recovered.GetProperty("moved_to").GetString());
        Assert.False(string.IsNullOrWhiteSpace(recovered.GetProperty("reason").GetString()));
        var html = File.ReadAllText(Path.Combine(Out, "rapport.html"));
        Assert.Contains("id=\"state-recovered\"", html);
        Assert.Contains("Tillståndsfilen var skadad", html);
        Assert.Contains("VARNING: tillståndsfilen var skadad", second.StdErr);
        var log = string.Concat(Directory.GetFiles(Path.Combine(Out, "logg"), "*", SearchOption.AllDirectories).Select(File.ReadAllText));
        Assert.Contains("Tillståndsfilen var skadad", log);
        Assert.Contains("Error", log, StringComparison.OrdinalIgnoreCase);

        // The rebuilt state is a working one: the next night reads nothing again and the warning is gone.
        var third = await ScanAsync();
        Assert.Equal(1, third.ExitCode);
        Assert.Contains($"{FileCount} oförändrade hoppades över, 0 lästes", third.StdOut);
        Assert.Equal(JsonValueKind.Null, Summary().GetProperty("state_recovered").ValueKind);
    }

    /// <summary>Makes the state look as if a newer ClassScan (schema 99) had written it.</summary>
    private void MarkWrittenByNewerSchema()
    {
        using var db = new SqliteConnection($"Data Source={StateFile};Pooling=False");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = "UPDATE meta SET value='99' WHERE key='schema_version'";
        Assert.Equal(1, cmd.ExecuteNonQuery());
    }

    [Fact]
    public async Task Scan_StateFromNewerSchema_RefusedWithExitTwoAndLeftUntouched()
    {
        Assert.Equal(1, (await ScanAsync()).ExitCode);
        MarkWrittenByNewerSchema();
        var before = SHA256.HashData(File.ReadAllBytes(StateFile));

        var run = await ScanAsync();

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("skapad av en nyare ClassScan (schema 99)", run.StdErr);
        Assert.Equal(before, SHA256.HashData(File.ReadAllBytes(StateFile)));
        Assert.Empty(CorruptFiles());
    }

    [Fact]
    public async Task DoctorState_AfterAScan_OkWithSchemaVersionAndItemCount_FileUnchanged()
    {
        Assert.Equal(1, (await ScanAsync()).ExitCode);
        var before = SHA256.HashData(File.ReadAllBytes(StateFile));

        var check = Doctor.DoctorChecks.StateDatabase(StateFile);

        Assert.Equal(Doctor.DoctorOutcome.Ok, check.Outcome);
        Assert.Contains($"schemaversion 3, {FileCount} filer", check.Message);
        Assert.Equal(before, SHA256.HashData(File.ReadAllBytes(StateFile)));
    }

    [Theory]
    [MemberData(nameof(Damages))]
    public async Task DoctorState_Damaged_FailsSayingTheNextScanRebuildsIt_FileUnchanged(string how)
    {
        Assert.Equal(1, (await ScanAsync()).ExitCode);
        Damage(how);
        var damaged = File.ReadAllBytes(StateFile);

        var check = Doctor.DoctorChecks.StateDatabase(StateFile);

        Assert.Equal(Doctor.DoctorOutcome.Failed, check.Outcome);
        Assert.Contains("nästa skanning flyttar undan den och bygger upp en ny", check.Message);
        Assert.Equal(damaged, File.ReadAllBytes(StateFile));
        Assert.Empty(CorruptFiles());
    }

    [Fact]
    public async Task DoctorState_NewerSchema_FailsNamingTheVersion_FileUnchanged()
    {
        Assert.Equal(1, (await ScanAsync()).ExitCode);
        MarkWrittenByNewerSchema();
        var before = SHA256.HashData(File.ReadAllBytes(StateFile));

        var check = Doctor.DoctorChecks.StateDatabase(StateFile);

        Assert.Equal(Doctor.DoctorOutcome.Failed, check.Outcome);
        Assert.Contains("nyare ClassScan", check.Message);
        Assert.Contains("99", check.Message);
        Assert.Equal(before, SHA256.HashData(File.ReadAllBytes(StateFile)));
    }

    [Fact]
    public void DoctorState_NoFileYet_OkCreatedByTheFirstRun()
    {
        var check = Doctor.DoctorChecks.StateDatabase(StateFile);

        Assert.Equal(Doctor.DoctorOutcome.Ok, check.Outcome);
        Assert.Contains("skapas vid första körningen", check.Message);
        Assert.False(File.Exists(StateFile));
    }

    /// <summary>Scan:State is the one place: the scan writes there, doctor checks it, show reads it; nothing lands in OUT.</summary>
    [Fact]
    public async Task ScanStateSetting_HonouredByScanDoctorAndShow()
    {
        var state = Path.Combine(work.FullName, "var", "tillstand.db");
        var config = Path.Combine(work.FullName, "appsettings.json");
        File.WriteAllText(config, JsonSerializer.Serialize(new { Scan = new { Path = InDir, Out, State = state, NoModel = true, InProcess = true, Parallelism = 1 } }));

        var scan = await CliRunner.RunAsync("scan", "--config", config);
        var doctor = await CliRunner.RunAsync("doctor", "--config", config);
        var id = ReportReader.Read(Path.Combine(Out, "flagged.csv")).Single()["id"];
        var show = await CliRunner.RunAsync("show", id, "--config", config);

        Assert.Equal(1, scan.ExitCode);
        Assert.True(File.Exists(state));
        Assert.False(File.Exists(StateFile));
        Assert.Contains($"OK      Tillståndsdatabas: {state}: schemaversion 3, {FileCount} filer", doctor.StdOut);
        Assert.True(show.ExitCode == 0, show.StdErr);
        Assert.Contains("elevlista.txt", show.StdOut);
    }

    [Fact]
    public async Task Scan_HealthyState_NoWarningAndUsualExitCode()
    {
        Assert.Equal(1, (await ScanAsync()).ExitCode);

        var run = await ScanAsync();

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{FileCount} oförändrade hoppades över, 0 lästes", run.StdOut);
        Assert.DoesNotContain("skadad", run.StdErr, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(CorruptFiles());
        Assert.Equal(JsonValueKind.Null, Summary().GetProperty("state_recovered").ValueKind);
        Assert.DoesNotContain("state-recovered", File.ReadAllText(Path.Combine(Out, "rapport.html")));
    }
}
