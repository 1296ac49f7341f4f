using System.CommandLine;
using ClassScan.Cli;
using ClassScan.Cli.Commands;

var root = new RootCommand("""
    classscan: finds documents that must leave Microsoft 365 under the Swedish municipal cloud decision.

    Reads every document (docx, xlsx, pptx, pdf, txt, csv, html, eml, ...), finds personnummer,
    samordningsnummer and other evidence, and gives each file a KLASSA level 0-3. Files at level 2 or 3
    must leave M365 and are listed in flagged.csv; files that could not be read are listed in review.csv.
    Reports never contain a full personnummer (masked as 19121212-****).

    Exit codes:
      0  scan complete, no file must leave M365
      1  scan complete, files must leave M365 (see flagged.csv)
      2  usage error (bad option, missing folder)
      3  scan incomplete (Ctrl+C, or the source failed: the report is marked incomplete; or the output
         folder or the state could not be written, disk full or read-only: last night's reports are kept)
      4  another run holds the output folder (.classscan.lock); nothing was scanned
      5  scan complete, but the state file was damaged: moved aside and rebuilt (summary.json state_recovered)

    File names in the reports have identity numbers masked too; 'classscan show ID' (the id column) prints a
    file's full path and web URL from the state on the scanner host.

    Settings: --config FILE (or ./appsettings.json), CLASSSCAN_Section__Key environment variables, then options.
    Start with 'classscan init', check with 'classscan doctor'.
    """);
root.Options.Add(ConfigOption.Instance);
root.Subcommands.Add(ScanCommand.Create());
root.Subcommands.Add(InitCommand.Create());
root.Subcommands.Add(DoctorCommand.Create());
root.Subcommands.Add(ShowCommand.Create());
root.Subcommands.Add(StatusCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
root.Subcommands.Add(TrainCommand.Create());
root.Subcommands.Add(EvaluateCommand.Create());
root.Subcommands.Add(ExtractWorkerCommand.Create());

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors) Console.Error.WriteLine("classscan: " + error.Message);
    Console.Error.WriteLine("Se 'classscan --help'.");
    return ExitCodes.UsageError;
}
// Ctrl+C is handled by StopSignal (two stages), not by System.CommandLine's default termination.
return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
