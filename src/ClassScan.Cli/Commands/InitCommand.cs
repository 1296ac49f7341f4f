using System.CommandLine;
using ClassScan.Cli.Configuration;

namespace ClassScan.Cli.Commands;

/// <summary>
/// <c>classscan init [--config FILE] [--force]</c>: writes a commented example configuration (deploy/appsettings.example.json,
/// embedded in the binary) for the coordinator to edit. JSON with // comments is what the .NET JSON configuration
/// provider reads, so the written file is loaded as it is.
/// </summary>
internal static class InitCommand
{
    public static Command Create()
    {
        var force = new Option<bool>("--force") { Description = "Overwrite an existing file." };
        var command = new Command("init", $"Write a commented example configuration to --config FILE (default ./{ConfigurationLoader.DefaultFileName}), then edit it and run 'classscan doctor'.")
        {
            force,
        };
        command.SetAction(parse =>
        {
            var target = Path.GetFullPath(parse.GetValue(ConfigOption.Instance) ?? ConfigurationLoader.DefaultFileName);
            if (File.Exists(target) && !parse.GetValue(force))
            {
                Console.Error.WriteLine($"classscan: {target} finns redan; använd --force för att skriva över den.");
                return ExitCodes.UsageError;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, ExampleText());
            Console.WriteLine($"Skrev {target}.");
            Console.WriteLine("Nästa steg: ändra Scan:Path, Scan:Out och Departments (förvaltningarna), lägg hemligheter i miljövariabler,");
            Console.WriteLine($"och kontrollera med: classscan doctor --config {target}");
            return 0;
        });
        return command;
    }

    /// <summary>The example configuration shipped in the binary.</summary>
    public static string ExampleText()
    {
        using var stream = typeof(InitCommand).Assembly.GetManifestResourceStream("ClassScan.Cli.appsettings.example.json")
            ?? throw new InvalidOperationException("the example configuration is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
