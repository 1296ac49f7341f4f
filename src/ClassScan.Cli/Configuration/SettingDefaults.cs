using System.Globalization;

namespace ClassScan.Cli.Configuration;

/// <summary>
/// The defaults of the options types, by key ("Scan:TimeoutSeconds" → "60"), read from freshly constructed
/// instances: the command-line help is written from this, so the help, the binding and the shipped example
/// cannot disagree about a default.
/// </summary>
internal static class SettingDefaults
{
    private static readonly Dictionary<string, string> Values = Flatten();

    /// <summary>Every key with a non-empty scalar default (lists and unset settings have none).</summary>
    public static IReadOnlyDictionary<string, string> All => Values;

    /// <summary>" Default: 60." for a help text; the processor count is named, not printed (it differs per machine).</summary>
    public static string Describe(string key)
    {
        if (key == "Scan:Parallelism") return " Default: the number of processors.";
        return Values.TryGetValue(key, out var value) ? $" Default: {value}." : "";
    }

    private static Dictionary<string, string> Flatten()
    {
        var defaults = new ClassScanSettings();
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (section, instance) in new (string, object)[]
                 { (ScanSettings.SectionName, defaults.Scan), (ScanSettings.SectionName + ":" + OcrSettings.SectionName, defaults.Scan.Ocr),
                   (GraphSettings.SectionName, defaults.Graph), (LogSettings.SectionName, defaults.Log) })
        {
            foreach (var property in instance.GetType().GetProperties().Where(p => p.CanWrite))
            {
                var value = property.GetValue(instance);
                if (value is null or Array or OcrSettings) continue; // a nested section is listed by its own keys
                var text = value is bool b ? (b ? "true" : "false") : Convert.ToString(value, CultureInfo.InvariantCulture);
                if (!string.IsNullOrEmpty(text)) values[$"{section}:{property.Name}"] = text;
            }
        }
        return values;
    }
}
