using System.CommandLine;
using ClassScan.Cli.Configuration;
using ClassScan.Core.Scanning;
using ClassScan.Reporting;
using ClassScan.State;
using ClassScan.State.Postgres;
using ClassScan.State.Sqlite;

namespace ClassScan.Cli.Commands;

/// <summary>
/// <c>classscan report --state STATE --out DIR</c>: the tenant-wide reports written from the state alone, whichever
/// nodes judged the files. Reads no source and no file content: every live file's last verdict (the carried-results
/// query over all scopes) and the changes since the last accepted baseline (the same "previous run" query changes.csv
/// and rapport.html of a scan use), with the departments, formats and redaction of a scan, staged in one batch and put
/// in place together. Evidence is not kept in the state, so results.csv has none: the reason and rule say why a file is
/// flagged, and the scan that judged it wrote the evidence in its own results.csv.
/// </summary>
internal static class ReportCommand
{
    /// <summary>Runs shown in rapport.html's health section, newest first.</summary>
    private const int RunsShown = 5;

    public static Option<bool> AcceptChanges { get; } = new("--accept-changes")
    {
        Description = "After the reports are in place, make the current flags the baseline of the next changes.csv (as a complete scan does). " +
            "Off by default: a report is a view, and moving the baseline would hide changes from the next scan's or report's changes.csv.",
    };

    /// <param name="open">Opens the store --state names (tests pass their own); null: SQLite file or PostgreSQL by the value.</param>
    public static Command Create(Func<string, IScanStateStore>? open = null)
    {
        var outDir = new Option<string?>("--out", "-o") { Description = "Folder for the reports (created if missing; Scan:Out)." };
        var command = new Command("report",
            "Write the tenant-wide reports (results.csv, flagged.csv, review.csv, changes.csv, forvaltningar/<namn>.csv, rapport.html, summary.json) from the state alone, " +
            "whichever scan nodes judged the files. Departments and formats come from the configuration, as for scan. " +
            "Exit codes: 0 nothing must leave M365, 1 files must leave, 2 usage error or no state, 3 the newest run in the state is incomplete or the reports could not be written " +
            "(last reports kept), 4 another run holds the output folder or the state file.")
        {
            outDir,
            AcceptChanges,
        };
        command.Options.Add(StateComposition.StateFile);
        command.SetAction((parse, ct) => RunAsync(parse, outDir, open ?? OpenStore, ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, Option<string?> outOption, Func<string, IScanStateStore> open, CancellationToken ct)
    {
        var cli = new CommandLineOverrides(parse).Add(outOption, "Scan:Out").Add(StateComposition.StateFile, "Scan:State");
        var config = ConfigurationLoader.Load(parse.GetValue(ConfigOption.Instance), cli.Values);
        if (!config.IsValid)
        {
            ConfigurationLoader.Report(config, Console.Error);
            return ExitCodes.UsageError;
        }
        var settings = config.Settings;
        var outDir = settings.Scan.Out;
        var statePath = settings.Scan.StatePath;
        IScanStateStore store;
        try
        {
            store = open(statePath);
        }
        catch (Exception ex) when (PostgresStateStore.TryDescribeFailure(ex, out var cause, out var unavailable))
        {
            Console.Error.WriteLine($"classscan: {StateLocation.Parse(statePath).Display} kan inte användas: {cause}");
            return unavailable ? ExitCodes.Incomplete : ExitCodes.UsageError;
        }
        catch (FileNotFoundException)
        {
            Console.Error.WriteLine($"classscan: det finns inget tillstånd i {Path.GetFullPath(statePath)}; ange --state (eller Scan:State) för skanningarnas tillstånd.");
            return ExitCodes.UsageError;
        }
        catch (StateInUseException ex)
        {
            Console.Error.WriteLine("classscan: " + ex.Message + " Kör rapporten när skanningen är klar.");
            return ExitCodes.AlreadyRunning;
        }
        catch (Exception ex) when (ex is StateSchemaTooNewException or StateCorruptException or FormatException or InvalidDataException or IOException
            or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            Console.Error.WriteLine($"classscan: tillståndet kunde inte öppnas: {Core.Privacy.SafeText.Message(ex.Message)}");
            return ExitCodes.UsageError;
        }
        using var storeScope = store;

        RunLock? runLock;
        string holder;
        try
        {
            runLock = RunLock.TryAcquire(outDir, out holder);
        }
        catch (Exception ex) when (OutputWriteException.IsOutputFailure(ex))
        {
            Console.Error.WriteLine($"classscan: utmappen {Path.GetFullPath(outDir)} kan inte skrivas: {OutputWriteException.Describe(ex)}. Förra rapporterna är kvar oförändrade.");
            return ExitCodes.Incomplete;
        }
        using var lockScope = runLock;
        if (runLock is null)
        {
            Console.Error.WriteLine($"classscan: en annan körning använder redan utmappen {Path.GetFullPath(outDir)} ({holder}). Försök igen när den är klar.");
            return ExitCodes.AlreadyRunning;
        }
        runLock.RemoveLeftovers();

        var written = await StateReport.WriteAsync(store, outDir, settings, TimeProvider.System, ct).ConfigureAwait(false);
        if (written.Failure is { } failure)
        {
            Console.WriteLine($"OFULLSTÄNDIG: rapporten kunde inte skrivas: {failure}. Förra rapporterna i {Path.GetFullPath(outDir)} är kvar oförändrade.");
            return ExitCodes.Incomplete;
        }
        var s = written.Summary;
        var notJudged = s.Files - s.ByStatus.GetValueOrDefault("ok");
        Console.WriteLine($"Rapport ur tillståndet: {s.Files} filer, måste lämna M365 (nivå 2–3): {s.MustLeave}, kunde inte bedömas: {notJudged}.");
        Console.WriteLine(
            $"Ändringar sedan förra godkända baslinjen: {written.Changes.Count(c => c.Kind == FlagChangeKind.NewlyFlagged)} nyflaggade, " +
            $"{written.Changes.Count(c => c.Kind == FlagChangeKind.NoLongerFlagged)} inte längre flaggade, {written.Changes.Count(c => c.Kind == FlagChangeKind.StillFlagged)} fortfarande flaggade " +
            $"({Path.Combine(outDir, ChangesCsvWriter.FileName)}).");
        Console.WriteLine($"Rapport: {Path.Combine(outDir, "results.csv")}; översikt: {Path.Combine(outDir, "rapport.html")}; per förvaltning: {Path.Combine(outDir, "forvaltningar")}");
        if (!s.Complete) Console.WriteLine($"Tillståndet är ofullständigt: {s.IncompleteReason}.");

        if (parse.GetValue(AcceptChanges))
        {
            if (!s.Complete)
            {
                Console.Error.WriteLine("classscan: baslinjen flyttades inte: tillståndet är ofullständigt, så nästa changes.csv visar fortfarande alla ändringar.");
            }
            else
            {
                store.AcceptChanges(ScopeSet.All);
                Console.WriteLine("Baslinjen flyttad: nästa changes.csv jämför med den här rapporten.");
            }
        }
        if (!s.Complete) return ExitCodes.Incomplete;
        return s.MustLeave > 0 ? ExitCodes.FilesMustLeave : ExitCodes.NothingToMove;
    }

    /// <summary>The state --state names: PostgreSQL for a connection string, else an existing SQLite file (a report never creates one).</summary>
    internal static IScanStateStore OpenStore(string state)
    {
        var location = StateLocation.Parse(state);
        if (location.IsPostgres) return PostgresStateStore.Open(location.ConnectionString!);
        if (!File.Exists(state)) throw new FileNotFoundException("tillståndsfilen finns inte", state);
        return SqliteStateStore.Open(state);
    }
}
