using System.CommandLine;
using System.Globalization;

namespace ClassScan.Cli.Configuration;

/// <summary>
/// Collects the options the user actually typed as configuration keys ("Scan:Out"), so the command line
/// overrides the file and the environment while an option left out falls back to them (and not to the
/// option's own default, which would silently win over the file).
/// </summary>
public sealed class CommandLineOverrides(ParseResult parse)
{
    private readonly Dictionary<string, string?> values = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyDictionary<string, string?> Values => values;

    public CommandLineOverrides Add<T>(Option<T> option, string key)
    {
        if (parse.GetResult(option) is { Implicit: false })
            values[key] = Convert.ToString(parse.GetValue(option), CultureInfo.InvariantCulture);
        return this;
    }

    public CommandLineOverrides Add(Argument<string?> argument, string key)
    {
        if (parse.GetResult(argument) is { Tokens.Count: > 0 } && parse.GetValue(argument) is { } value)
            values[key] = value;
        return this;
    }

    /// <summary>
    /// A repeatable option replaces the whole configured list when given. Lists are not merged through the
    /// configuration providers, which would overlay by index and keep the file's extra entries.
    /// </summary>
    public string[]? List(Option<string[]> option) =>
        parse.GetResult(option) is { Implicit: false } ? parse.GetValue(option) ?? [] : null;
}
