namespace ClassScan.Cli.Configuration;

/// <summary>A configuration problem, naming the setting (e.g. "Scan:Parallelism") and what is wrong with it.</summary>
public sealed record SettingError(string Key, string Problem)
{
    /// <summary>How the setting is written as an environment variable.</summary>
    public string EnvironmentName => Key.StartsWith('-') ? "" : ConfigurationLoader.EnvironmentPrefix + Key.Replace(":", "__", StringComparison.Ordinal);

    public override string ToString() => $"{Key}: {Problem}";
}
