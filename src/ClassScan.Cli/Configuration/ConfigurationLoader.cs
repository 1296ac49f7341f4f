using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ClassScan.Cli.Configuration;

/// <summary>
/// Loads configuration in the usual .NET order, later sources winning: the JSON file (--config FILE, else
/// $CLASSSCAN_CONFIG, else ./appsettings.json if present), CLASSSCAN_* environment variables, then the command
/// line. Problems come back as <see cref="SettingError"/>s naming the setting instead of exceptions, so a
/// scheduled run fails at start with a message a coordinator can act on. A secret written into the file is an
/// error: the file is readable by whoever can read the server's configuration, the environment is not.
/// </summary>
public static partial class ConfigurationLoader
{
    public const string EnvironmentPrefix = "CLASSSCAN_";
    public const string DefaultFileName = "appsettings.json";

    /// <summary>Loads and validates.</summary>
    /// <param name="configFile">--config value, if given: then the file must exist.</param>
    /// <param name="commandLine">Settings given on the command line, by key ("Scan:Out").</param>
    /// <param name="environment">Environment variables; null reads the process environment (tests pass their own).</param>
    /// <param name="lists">Replaces the lists given on the command line (repeatable options), before validation.</param>
    public static LoadedConfiguration Load(
        string? configFile,
        IReadOnlyDictionary<string, string?>? commandLine = null,
        IReadOnlyDictionary<string, string?>? environment = null,
        Action<ClassScanSettings>? lists = null)
    {
        var errors = new List<SettingError>();
        var file = ResolveFile(configFile, environment, errors);

        var builder = new ConfigurationBuilder();
        if (file is not null) builder.AddJsonFile(file, optional: false, reloadOnChange: false);
        if (environment is null) builder.AddEnvironmentVariables(EnvironmentPrefix);
        else builder.AddInMemoryCollection(StripPrefix(environment));
        if (commandLine is not null) builder.AddInMemoryCollection(commandLine);

        IConfigurationRoot root;
        try
        {
            root = builder.Build();
        }
        catch (InvalidDataException ex)
        {
            errors.Add(new("--config", $"filen {file} är inte giltig JSON: {JsonProblem(ex)}"));
            return new LoadedConfiguration(new ClassScanSettings(), new ConfigurationBuilder().Build(), file, errors);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.Add(new("--config", $"filen {file} kunde inte läsas ({ex.GetType().Name})."));
            return new LoadedConfiguration(new ClassScanSettings(), new ConfigurationBuilder().Build(), file, errors);
        }

        if (file is not null) errors.AddRange(SecretsIn(file).Concat(UnknownSections(file)));
        var settings = Bind(root, lists, errors);
        settings.SourceFile = file;
        return new LoadedConfiguration(settings, root, file, errors);
    }

    /// <summary>Prints the errors to stderr the same way for every command.</summary>
    public static void Report(LoadedConfiguration loaded, TextWriter error)
    {
        error.WriteLine($"classscan: konfigurationen är fel{(loaded.File is null ? "" : $" ({loaded.File})")}:");
        foreach (var e in loaded.Errors)
        {
            error.WriteLine($"  {e.Key}: {e.Problem}");
        }
        error.WriteLine("Rätta inställningen i filen, i miljövariabeln (CLASSSCAN_Avsnitt__Nyckel) eller på kommandoraden, och kontrollera med 'classscan doctor'.");
    }

    private static string? ResolveFile(string? configFile, IReadOnlyDictionary<string, string?>? environment, List<SettingError> errors)
    {
        var fromEnv = environment is null ? Environment.GetEnvironmentVariable(EnvironmentPrefix + "CONFIG") : environment.GetValueOrDefault(EnvironmentPrefix + "CONFIG");
        var (given, key) = configFile is { Length: > 0 } ? (configFile, "--config") : fromEnv is { Length: > 0 } ? (fromEnv, EnvironmentPrefix + "CONFIG") : (null, "");
        if (given is not null)
        {
            var full = Path.GetFullPath(given);
            if (File.Exists(full)) return full;
            errors.Add(new(key, $"konfigurationsfilen {full} finns inte (skapa en med 'classscan init --config {given}')."));
            return null;
        }
        var local = Path.GetFullPath(DefaultFileName);
        return File.Exists(local) ? local : null;
    }

    private static IEnumerable<KeyValuePair<string, string?>> StripPrefix(IReadOnlyDictionary<string, string?> environment) =>
        environment
            .Where(kv => kv.Key.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase))
            .Select(kv => KeyValuePair.Create(kv.Key[EnvironmentPrefix.Length..].Replace("__", ":", StringComparison.Ordinal), kv.Value));

    private static ClassScanSettings Bind(IConfiguration root, Action<ClassScanSettings>? lists, List<SettingError> errors)
    {
        UnknownKeys(root.GetSection(ScanSettings.SectionName), typeof(ScanSettings), errors);
        UnknownKeys(root.GetSection(ScanSettings.SectionName).GetSection(OcrSettings.SectionName), typeof(OcrSettings), errors);
        UnknownKeys(root.GetSection(LogSettings.SectionName), typeof(LogSettings), errors);
        UnknownKeys(root.GetSection(GraphSettings.SectionName), typeof(GraphSettings), errors);
        foreach (var entry in root.GetSection(DepartmentsValidation.SectionName).GetChildren())
            UnknownKeys(entry, typeof(DepartmentSettings), errors);

        // Repeatable command-line options replace whole lists after binding and before validation, so a typed
        // --include '' is refused like an empty pattern in the file. The callback sees one section at a time.
        var settings = new ClassScanSettings();
        settings.Scan = BindSection(root, ScanSettings.SectionName, errors, s => lists?.Invoke(new ClassScanSettings { Scan = s }),
            new AnnotatedSettingsValidation<ScanSettings>(ScanSettings.SectionName), new ScanSettingsValidation());
        settings.Graph = BindSection(root, GraphSettings.SectionName, errors, g => lists?.Invoke(new ClassScanSettings { Graph = g }),
            new AnnotatedSettingsValidation<GraphSettings>(GraphSettings.SectionName), new GraphSettingsValidation());
        settings.Log = BindSection(root, LogSettings.SectionName, errors, null,
            new AnnotatedSettingsValidation<LogSettings>(LogSettings.SectionName), new LogSettingsValidation());
        settings.Departments = BindSection(root, DepartmentsValidation.SectionName, errors, null, new DepartmentsValidation());
        return settings;
    }

    /// <summary>
    /// Binds one section through the options factory (bind, post-configure, validate) and returns the bound value
    /// even when it fails validation: doctor reports on the rest, and show needs only the output folder.
    /// </summary>
    private static T BindSection<T>(IConfiguration root, string section, List<SettingError> errors, Action<T>? postConfigure, params IValidateOptions<T>[] validations)
        where T : class, new()
    {
        T? bound = null;
        var factory = new OptionsFactory<T>(
            [new ConfigureFromConfigurationOptions<T>(root.GetSection(section))],
            [new PostConfigureOptions<T>(Options.DefaultName, t => { postConfigure?.Invoke(t); bound = t; })],
            validations);
        try
        {
            return factory.Create(Options.DefaultName);
        }
        catch (OptionsValidationException ex)
        {
            errors.AddRange(ex.Failures.Select(SettingError.Parse));
            return bound ?? new T();
        }
        catch (InvalidOperationException ex)
        {
            // The binder names the key in its message: "... value 'x' at 'Scan:Parallelism' to type 'System.Int32'".
            var key = BinderKey().Match(ex.Message) is { Success: true } m ? m.Groups[1].Value : section;
            var type = BinderType().Match(ex.Message) is { Success: true } t ? t.Groups[1].Value : "";
            var expected = type switch
            {
                "System.Int32" or "System.Int64" => "ett heltal",
                "System.Boolean" => "true eller false",
                _ => "ett värde av rätt typ",
            };
            errors.Add(new(key, $"värdet går inte att tolka, ska vara {expected}."));
            return new T();
        }
    }

    /// <summary>The sections the file may have; the environment has other CLASSSCAN_ variables (CONFIG, GRAPH_TOKEN), so only the file is checked.</summary>
    private static readonly string[] Sections = [ScanSettings.SectionName, DepartmentsValidation.SectionName, LogSettings.SectionName, GraphSettings.SectionName];

    /// <summary>
    /// Keys older examples and notes used for the state's path, which nothing read: a coordinator who set one was
    /// silently using OUT/classscan-state.db. Now they are errors pointing to the setting that works.
    /// </summary>
    private static readonly string[] FormerStateKeys = ["State", "StatePath"];

    /// <summary>A misspelt key is silently ignored by the binder; here it becomes an error with a suggestion.</summary>
    private static void UnknownKeys(IConfigurationSection section, Type type, List<SettingError> errors)
    {
        var names = type.GetProperties().Where(p => p.CanWrite).Select(p => p.Name).ToList();
        foreach (var child in section.GetChildren())
        {
            if (names.Contains(child.Key, StringComparer.OrdinalIgnoreCase)) continue;
            errors.Add(new(child.Path, "okänd inställning" + Suggestion(child.Key, names, section.Path)));
        }
    }

    private static string Suggestion(string key, IReadOnlyList<string> names, string prefix)
    {
        if (FormerStateKeys.Contains(key, StringComparer.OrdinalIgnoreCase))
            return "; tillståndets sökväg anges med Scan:State (standard: Scan:Out/" + ScanSettings.DefaultStateFileName + ").";
        var near = names.FirstOrDefault(n => Distance(n.ToLowerInvariant(), key.ToLowerInvariant()) <= 2);
        var path = prefix.Length == 0 ? "" : prefix + ":";
        return near is null ? $" (giltiga: {string.Join(", ", names)})." : $"; menade du {path}{near}?";
    }

    /// <summary>A top-level section the file has but nothing binds (a misspelt "Scn", or the former "State").</summary>
    private static IEnumerable<SettingError> UnknownSections(string file)
    {
        IConfigurationRoot fileOnly;
        try
        {
            fileOnly = new ConfigurationBuilder().AddJsonFile(file, optional: false, reloadOnChange: false).Build();
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            yield break; // reported by the main load
        }
        foreach (var child in fileOnly.GetChildren())
        {
            if (!Sections.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
                yield return new(child.Path, "okänt avsnitt" + Suggestion(child.Key, Sections, ""));
        }
    }

    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
        }
        return d[a.Length, b.Length];
    }

    /// <summary>Keys in the file whose name says secret and whose value is set. The value is never echoed.</summary>
    internal static IEnumerable<SettingError> SecretsIn(string file)
    {
        IConfigurationRoot fileOnly;
        try
        {
            fileOnly = new ConfigurationBuilder().AddJsonFile(file, optional: false, reloadOnChange: false).Build();
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            yield break; // reported by the main load
        }
        foreach (var (key, value) in fileOnly.AsEnumerable())
        {
            if (string.IsNullOrEmpty(value)) continue;
            var leaf = key[(key.LastIndexOf(':') + 1)..];
            if (SecretName().IsMatch(leaf))
            {
                yield return new(key, $"hemligheter får inte stå i konfigurationsfilen. Ta bort värdet och sätt miljövariabeln " +
                    $"{EnvironmentPrefix}{key.Replace(":", "__", StringComparison.Ordinal)} i tjänstens miljö (eller använd certifikat/hanterad identitet).");
            }
        }
    }

    private static string JsonProblem(InvalidDataException ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is JsonException json)
                return json.LineNumber is { } line ? $"rad {line + 1}, position {json.BytePositionInLine + 1}" : Core.Privacy.SafeText.Message(json.Message);
        }
        return Core.Privacy.SafeText.Message(ex.Message);
    }

    [GeneratedRegex(@"at '([^']+)'")]
    private static partial Regex BinderKey();

    [GeneratedRegex(@"to type '([^']+)'")]
    private static partial Regex BinderType();

    [GeneratedRegex("secret|password|passwd|pwd|token|apikey|api_key|connectionstring|privatekey", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();
}
