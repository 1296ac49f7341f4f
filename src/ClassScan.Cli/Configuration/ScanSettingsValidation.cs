using Microsoft.Extensions.Options;

namespace ClassScan.Cli.Configuration;

/// <summary>The Scan section's rules that a single annotation cannot state: list entries, and settings that exclude each other.</summary>
internal sealed class ScanSettingsValidation : IValidateOptions<ScanSettings>
{
    public static readonly string[] KnownFormats = ["csv", "jsonl"];

    public ValidateOptionsResult Validate(string? name, ScanSettings scan)
    {
        var failures = new List<SettingError>();
        foreach (var (f, i) in (scan.Formats ?? []).Select((f, i) => (f, i)))
        {
            if (!KnownFormats.Contains(f?.Trim(), StringComparer.OrdinalIgnoreCase))
                failures.Add(new($"Scan:Formats:{i}", $"okänt format '{f}'; giltiga: {string.Join(", ", KnownFormats)}."));
        }
        foreach (var (list, key) in new[] { (scan.Include, "Include"), (scan.Exclude, "Exclude") })
        {
            foreach (var (g, i) in (list ?? []).Select((g, i) => (g, i)))
            {
                if (string.IsNullOrWhiteSpace(g)) failures.Add(new($"Scan:{key}:{i}", "tomt mönster."));
            }
        }
        if (scan.Model is { Length: > 0 } && scan.NoModel)
            failures.Add(new("Scan:NoModel", "både Scan:Model och Scan:NoModel är satta; välj en."));
        if (scan.State is { Length: > 0 } state && string.IsNullOrWhiteSpace(state))
            failures.Add(new("Scan:State", "bara blanksteg; lämna tomt för OUT/" + ScanSettings.DefaultStateFileName + "."));
        Ocr(scan.Ocr, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures.Select(f => f.ToString()));
    }

    /// <summary>Scan:Ocr's values (a nested section, which the annotation check of Scan does not reach).</summary>
    private static void Ocr(OcrSettings? ocr, List<SettingError> failures)
    {
        if (ocr is null) return;
        const string Key = "Scan:" + OcrSettings.SectionName + ":";
        if (!OcrSettings.EnabledValues.Contains(ocr.Enabled?.Trim(), StringComparer.OrdinalIgnoreCase))
            failures.Add(new(Key + nameof(OcrSettings.Enabled), "måste vara auto, true eller false."));
        if (string.IsNullOrWhiteSpace(ocr.Languages) || !System.Text.RegularExpressions.Regex.IsMatch(ocr.Languages, "^[A-Za-z_]+(\\+[A-Za-z_]+)*$"))
            failures.Add(new(Key + nameof(OcrSettings.Languages), "tesseracts språkmodeller med + emellan, t.ex. swe+eng."));
        foreach (var (value, name, max) in new[]
                 {
                     (ocr.Parallelism, nameof(OcrSettings.Parallelism), 256),
                     (ocr.PageTimeoutSeconds, nameof(OcrSettings.PageTimeoutSeconds), 3600),
                     (ocr.FileTimeoutSeconds, nameof(OcrSettings.FileTimeoutSeconds), 86_400),
                     (ocr.MaxPages, nameof(OcrSettings.MaxPages), 100_000),
                 })
        {
            if (value < 1 || value > max)
                failures.Add(new(Key + name, $"är {value}, måste vara 1–{max}."));
        }
    }
}
