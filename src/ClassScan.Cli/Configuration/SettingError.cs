namespace ClassScan.Cli.Configuration;

/// <summary>A configuration problem, naming the setting (e.g. "Scan:Parallelism") and what is wrong with it.</summary>
public sealed record SettingError(string Key, string Problem)
{
    /// <summary>How the setting is written as an environment variable.</summary>
    public string EnvironmentName => Key.StartsWith('-') ? "" : ConfigurationLoader.EnvironmentPrefix + Key.Replace(":", "__", StringComparison.Ordinal);

    public override string ToString() => $"{Key}: {Problem}";

    /// <summary>
    /// Reads back a failure of the options validators, which carry only strings: they write <see cref="ToString"/>
    /// ("Scan:Parallelism: är 0, måste vara 1–1024."). A key has no spaces, so the first ": " ends it.
    /// </summary>
    public static SettingError Parse(string failure)
    {
        var cut = failure.IndexOf(": ", StringComparison.Ordinal);
        return cut > 0 && !failure[..cut].Contains(' ', StringComparison.Ordinal)
            ? new(failure[..cut], failure[(cut + 2)..])
            : new("", failure);
    }
}
