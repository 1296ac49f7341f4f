using System.CommandLine;
using ClassScan.Core.Scanning;
using ClassScan.Reporting;
using ClassScan.State;
using ClassScan.State.Sqlite;

namespace ClassScan.Cli.Commands;

/// <summary>
/// The state side of a scan, as the command composes it (beside ScanComposition and ReportComposition): opens
/// the SQLite file (default &lt;out&gt;/classscan-state.db), makes the local source incremental, records verdicts
/// as they come, writes changes.csv, and reports what the state knows: the exit code counts every file flagged
/// now in the scanned scopes, not only this run's rows.
/// </summary>
internal sealed class StateComposition : IDisposable
{
    public const string DefaultFileName = Configuration.ScanSettings.DefaultStateFileName;

    private readonly IScanStateStore store;
    private VerdictRecorder? sink;

    private StateComposition(IScanStateStore store, ScanRun run, StateRecovery? recovery)
    {
        this.store = store;
        Run = run;
        Recovery = recovery;
    }

    public static Option<string?> StateFile { get; } = new("--state")
    {
        Description = $"SQLite state of earlier scans, so later scans read only new and changed files (Scan:State). Default: OUT/{DefaultFileName}. " +
            "A PostgreSQL connection string (\"Host=db1;Database=classscan;Username=scan\", or postgresql://scan@db1/classscan) shares one state between scan nodes.",
    };

    public static Option<bool> NoState { get; } = new("--no-state")
    {
        Description = "Local source: scan everything and keep no state (no changes.csv).",
    };

    public static Option<bool> RescanAll { get; } = new("--rescan-all")
    {
        Description = "Read every file again even if its content was judged before (after a rule or model change); the state is kept.",
    };

    public ScanRun Run { get; }

    /// <summary>Set when the state file was damaged, moved aside and rebuilt: this run then reads every file.</summary>
    public StateRecovery? Recovery { get; }

    public static void AddTo(Command command)
    {
        command.Options.Add(StateFile);
        command.Options.Add(NoState);
        command.Options.Add(RescanAll);
    }

    /// <summary>Opens the state unless --no-state. A damaged file is moved aside and rebuilt (see <see cref="Recovery"/>);
    /// returns an error message and the exit code when the file is taken (<see cref="ExitCodes.AlreadyRunning"/>), its
    /// folder cannot be written (full, read-only: <see cref="ExitCodes.Incomplete"/>, like a run whose output fails),
    /// or it is written by a newer ClassScan or unreadable (<see cref="ExitCodes.UsageError"/>).</summary>
    /// <param name="path">Where the state lives (<see cref="Configuration.ScanSettings.StatePath"/>: --state, Scan:State, or OUT/classscan-state.db).</param>
    public static (StateComposition? State, string? Error, int ExitCode) Open(ParseResult parse, string path, string source, string description)
    {
        if (parse.GetValue(NoState)) return (null, null, 0);
        StateLocation location;
        try
        {
            location = StateLocation.Parse(path);
        }
        catch (FormatException ex)
        {
            return (null, ex.Message + ". Inget skannades.", ExitCodes.UsageError);
        }
        if (location.IsPostgres) return OpenPostgres(parse, location, source, description);
        try
        {
            var store = SqliteStateStore.OpenOrRecover(path, out var recovery);
            return (new StateComposition(store, new ScanRun(store, source, description, parse.GetValue(RescanAll)), recovery), null, 0);
        }
        catch (StateInUseException ex)
        {
            return (null, ex.Message, ExitCodes.AlreadyRunning);
        }
        catch (StateSchemaTooNewException ex)
        {
            return (null, ex.Message, ExitCodes.UsageError);
        }
        catch (Exception ex) when (StateWriteFailure.Cause(ex, path) is { } unwritable)
        {
            return (null, $"tillståndsfilen {Path.GetFullPath(path)} kan inte skrivas: {unwritable}. Inget skannades; förra körningens rapporter är kvar oförändrade.", ExitCodes.Incomplete);
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return (null, $"tillståndsfilen {Path.GetFullPath(path)} kunde inte öppnas ({ex.GetType().Name}: {ex.Message})", ExitCodes.UsageError);
        }
    }

    /// <summary>A shared PostgreSQL state: no lock file (several nodes use it at once) and nothing to move aside (the server
    /// keeps its own data safe). An unreachable or full server ends the run incomplete, as an unwritable state file does;
    /// a refused login, a bad connection string or a newer schema is a usage error. One line each, never the password.</summary>
    private static (StateComposition? State, string? Error, int ExitCode) OpenPostgres(ParseResult parse, StateLocation location, string source, string description)
    {
        IScanStateStore? store = null;
        try
        {
            store = State.Postgres.PostgresStateStore.Open(location.ConnectionString!);
            return (new StateComposition(store, new ScanRun(store, source, description, parse.GetValue(RescanAll)), null), null, 0);
        }
        catch (StateSchemaTooNewException ex)
        {
            return (null, ex.Message, ExitCodes.UsageError);
        }
        catch (Exception ex) when (State.Postgres.PostgresStateStore.TryDescribeFailure(ex, out var cause, out var unavailable))
        {
            store?.Dispose();
            return (null, $"tillståndet i {location.Display} kan inte användas: {cause}. Inget skannades; förra körningens rapporter är kvar oförändrade.",
                unavailable ? ExitCodes.Incomplete : ExitCodes.UsageError);
        }
    }

    /// <summary>The local folder, read incrementally against the state.</summary>
    public IDocumentSource Local(IDocumentSource folder, string root) =>
        new IncrementalSource(folder, new ChangeFilter(store, Run), store, "local:" + Path.GetFullPath(root));

    /// <summary>Records verdicts in the state and writes changes.csv before the wrapped reports complete.</summary>
    /// <param name="redaction">How changes.csv shows names: the changes come from the state, which keeps full paths.</param>
    /// <param name="batch">The reports' batch: changes.csv is put in place with them.</param>
    public IScanResultSink Wrap(IScanResultSink reports, string outDir, ReportRedaction redaction, ReportBatch? batch = null) =>
        sink = new VerdictRecorder(reports, store, Run, (changes, _) => ChangesCsvWriter.WriteAsync(outDir, changes, redaction, batch));

    /// <summary>Files flagged now in the scopes this run covered (unchanged files count, they still must leave).</summary>
    public int FlaggedNow() => Run.CountFlagged();

    public void Print(TextWriter output, string outDir)
    {
        var c = Run.Counters;
        var changes = sink?.Changes ?? [];
        output.WriteLine(
            $"Tillstånd: {c.Listed} filer listade, {c.Unchanged} oförändrade hoppades över, {c.Queued} lästes, {c.Deleted} borttagna" +
            (c.Requests > 0 ? $"; Graph: {c.Requests} anrop ({c.ResourceUnits} resursenheter), {c.Downloads} nedladdningar, {c.Throttled} strypta, {c.Retries} omförsök" : "") + ".");
        output.WriteLine(
            $"Ändringar sedan förra fullständiga körningen: {changes.Count(x => x.Kind == FlagChangeKind.NewlyFlagged)} nyflaggade, " +
            $"{changes.Count(x => x.Kind == FlagChangeKind.NoLongerFlagged)} inte längre flaggade, {changes.Count(x => x.Kind == FlagChangeKind.StillFlagged)} fortfarande flaggade " +
            $"({Path.Combine(outDir, ChangesCsvWriter.FileName)}).");
    }

    public void Dispose() => store.Dispose();
}
