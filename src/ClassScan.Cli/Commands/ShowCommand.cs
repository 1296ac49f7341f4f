using System.CommandLine;
using System.Globalization;
using ClassScan.Cli.Configuration;
using ClassScan.Core.Privacy;
using ClassScan.State;
using ClassScan.State.Sqlite;

namespace ClassScan.Cli.Commands;

/// <summary>
/// <c>classscan show ID [--state FILE | --out DIR]</c>: resolves a report id (the <c>id</c> column) to the file's
/// full path and web URL, read from the scanner host's state. The reports mask identity numbers in file names, so
/// this is how a coordinator finds "19121212-**** Anna utredning.docx" on the share. Prints the full path, so it
/// belongs on the scanner host's console, never in a report.
/// </summary>
internal static class ShowCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "The file's id from the reports' id column (e.g. f3k9t0m2q8x1a)." };
        var outDir = new Option<string?>("--out") { Description = $"The scan's output folder, whose state is read (Scan:Out; its state is OUT/classscan-state.db unless Scan:State says otherwise)." };
        var command = new Command("show", "Show where a file named by its report id really is (full path and web URL), from the state on this host.")
        {
            id,
            outDir,
        };
        command.Options.Add(StateComposition.StateFile);
        command.SetAction(parse =>
        {
            var reportId = parse.GetValue(id)!.Trim();
            if (!ReportIdentity.IsWellFormed(reportId))
            {
                Console.Error.WriteLine($"classscan: '{SafeText.Message(reportId, 40)}' är inget rapport-id (en bokstav f och {ReportIdentity.Length} tecken, som i kolumnen id).");
                return ExitCodes.UsageError;
            }
            var statePath = StatePath(parse, outDir);
            ReportedItem? item;
            StateLocation location;
            try
            {
                location = StateLocation.Parse(statePath);
                item = location.ConnectionString is { } cs
                    ? State.Postgres.PostgresStateStore.FindReported(cs, reportId)
                    : SqliteStateStore.FindReported(Path.GetFullPath(statePath), reportId);
            }
            catch (Exception ex) when (ex is FormatException or StateSchemaTooNewException && StateLocation.LooksLikePostgres(statePath))
            {
                Console.Error.WriteLine($"classscan: {ex.Message}");
                return ExitCodes.UsageError;
            }
            catch (Exception ex) when (StateLocation.LooksLikePostgres(statePath) && State.Postgres.PostgresStateStore.TryDescribeFailure(ex, out var cause, out _))
            {
                Console.Error.WriteLine($"classscan: tillståndet i {StateLocation.Parse(statePath).Display} kan inte läsas: {cause}.");
                return ExitCodes.UsageError;
            }
            catch (FileNotFoundException)
            {
                Console.Error.WriteLine($"classscan: det finns inget tillstånd i {Path.GetFullPath(statePath)}; ange --out eller --state för skanningen som skrev rapporten. " +
                    "En skanning med --no-state ger id som bara gäller den körningen.");
                return ExitCodes.UsageError;
            }
            catch (Exception ex) when (ex is StateSchemaTooNewException or Microsoft.Data.Sqlite.SqliteException or StateCorruptException)
            {
                Console.Error.WriteLine($"classscan: tillståndet {Path.GetFullPath(statePath)} kunde inte läsas: {SafeText.Message(ex.Message)}");
                return ExitCodes.UsageError;
            }
            if (item is null)
            {
                Console.Error.WriteLine($"classscan: {reportId} finns inte i tillståndet {location.Display} (en annan utmapp, en körning med --no-state, eller en fil som togs bort och glömdes).");
                return ExitCodes.NotFound;
            }
            Console.WriteLine($"id:         {item.ReportId}");
            Console.WriteLine($"sökväg:     {item.Path}");
            if (item.WebUrl is { Length: > 0 } url) Console.WriteLine($"länk:       {url}");
            Console.WriteLine($"omfång:     {item.Scope}");
            var verdict = item.Level is { } level ? $"nivå {level.ToString(CultureInfo.InvariantCulture)}" : item.Status ?? "inte bedömd";
            Console.WriteLine($"bedömning:  {verdict}{(item.Reason is { Length: > 0 } r ? " – " + r : "")}");
            if (item.JudgedAt is { } at) Console.WriteLine($"bedömd:     {at.ToLocalTime():yyyy-MM-dd HH:mm}");
            if (item.Deleted) Console.WriteLine("status:     borttagen sedan förra körningen");
            return ExitCodes.NothingToMove;
        });
        return command;
    }

    /// <summary>
    /// The scan's own resolution (<see cref="ScanSettings.StatePath"/>): --state, else Scan:State, else OUT/classscan-state.db
    /// with --out over Scan:Out. Only these are read from the configuration; the rest of it need not be valid to look up an id.
    /// </summary>
    internal static string StatePath(ParseResult parse, Option<string?> outDir, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var cli = new CommandLineOverrides(parse).Add(outDir, "Scan:Out").Add(StateComposition.StateFile, "Scan:State");
        return ConfigurationLoader.Load(parse.GetValue(ConfigOption.Instance), cli.Values, environment).Settings.Scan.StatePath;
    }
}
