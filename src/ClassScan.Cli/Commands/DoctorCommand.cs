using System.CommandLine;
using ClassScan.Cli.Configuration;
using ClassScan.Cli.Doctor;

namespace ClassScan.Cli.Commands;

/// <summary>
/// <c>classscan doctor [--config FILE] [--state FILE]</c>: checks that a scheduled scan can run, prints one line per
/// check with what to fix, and exits 2 when something is broken (0 otherwise, warnings included).
/// </summary>
internal static class DoctorCommand
{
    public static Command Create()
    {
        var state = new Option<string?>("--state") { Description = $"State database to check (Scan:State). Default: OUT/{ScanSettings.DefaultStateFileName}, the scan's own." };
        var command = new Command("doctor", "Check the configuration, model, output folder, state database, extraction worker and Graph sign-in settings; " +
            "say what to fix. Exit code 0 when a scan can run, 2 when something is broken. Makes no network calls.")
        {
            state,
        };
        command.SetAction(async (parse, ct) =>
        {
            var config = ConfigurationLoader.Load(parse.GetValue(ConfigOption.Instance), new CommandLineOverrides(parse).Add(state, "Scan:State").Values);
            var checks = await DoctorChecks.RunAsync(config, TimeSpan.FromSeconds(30), ct).ConfigureAwait(false);
            Console.WriteLine("classscan doctor");
            foreach (var c in checks)
            {
                var tag = c.Outcome switch
                {
                    DoctorOutcome.Ok => "OK     ",
                    DoctorOutcome.Warning => "VARNING",
                    DoctorOutcome.Failed => "FEL    ",
                    _ => "HOPPAS ",
                };
                Console.WriteLine($"  {tag} {c.Name}: {c.Message}");
                if (c.Fix is not null && c.Outcome is DoctorOutcome.Failed or DoctorOutcome.Warning) Console.WriteLine($"          Åtgärd: {c.Fix}");
            }
            var failed = checks.Count(c => c.Outcome == DoctorOutcome.Failed);
            var warnings = checks.Count(c => c.Outcome == DoctorOutcome.Warning);
            Console.WriteLine(failed == 0
                ? $"Allt ser bra ut{(warnings > 0 ? $" ({warnings} varningar)" : "")}: skanningen kan köras."
                : $"{failed} fel. Rätta dem och kör 'classscan doctor' igen.");
            return failed == 0 ? 0 : ExitCodes.UsageError;
        });
        return command;
    }
}
