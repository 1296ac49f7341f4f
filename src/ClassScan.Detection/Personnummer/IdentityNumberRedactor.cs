using System.Text;
using System.Text.RegularExpressions;
using ClassScan.Core.Privacy;

namespace ClassScan.Detection.Personnummer;

/// <summary>
/// Masks personnummer, samordningsnummer and interim numbers in names (file and folder names, web URLs, display
/// names) the way evidence masks them: the date part stays, the last four become "****". A number counts when
/// <see cref="PersonnummerValidator"/> accepts it, the rule the detector applies to content, so a report never
/// hides a date or a case number that is not an identity number. Thread-safe.
/// </summary>
/// <remarks>
/// Names are written more loosely than documents: besides "-" and "+", people separate the last four with "_"
/// or a space, and an en dash slips in from Word. Those separators
/// are accepted here for the check, and kept in the mask so the name still reads as written.
/// </remarks>
public sealed partial class IdentityNumberRedactor : INameRedactor
{
    private readonly TimeProvider time;

    public IdentityNumberRedactor(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        this.time = time;
    }

    /// <inheritdoc />
    public string Redact(string name)
    {
        if (string.IsNullOrEmpty(name) || !HasNineDigits(name)) return name;
        var year = time.GetLocalNow().Year;
        StringBuilder? sb = null;
        var copied = 0;
        Span<char> candidate = stackalloc char[13];
        // Candidates may overlap ("%2019121212-1212": "2019121212" is tried first and fails the date check), so a
        // rejected one only moves the search on by one character.
        for (var m = Candidate().Match(name); m.Success; m = Candidate().Match(name, copied > m.Index ? copied : m.Index + 1))
        {
            var date = m.Groups["date"].ValueSpan;
            var separator = m.Groups["sep"].ValueSpan;
            var tail = m.Groups["tail"].ValueSpan;
            // The validator knows the separators of Skatteverket's forms; "_", a space or a dash of another kind stands for "-".
            date.CopyTo(candidate);
            var n = date.Length;
            if (separator.Length == 1) candidate[n++] = separator[0] == '+' ? '+' : '-';
            tail.CopyTo(candidate[n..]);
            if (!PersonnummerValidator.IsValid(candidate[..(n + tail.Length)], year)) continue;

            sb ??= new StringBuilder(name.Length);
            sb.Append(name, copied, m.Index - copied);
            sb.Append(Mask.IdentityNumber(date, separator.Length == 1 ? separator[0] : null));
            copied = m.Index + m.Length;
        }
        if (sb is null) return name;
        sb.Append(name, copied, name.Length - copied);
        return sb.ToString();
    }

    private static bool HasNineDigits(string s)
    {
        var digits = 0;
        foreach (var c in s)
            if (char.IsAsciiDigit(c) && ++digits == 9) return true;
        return false;
    }

    // Not inside a longer digit run, though right after a URL's percent escape ("Anna%2019121212-1212" is
    // "Anna 19121212-1212" in a web URL); the first of the last four may be an interim letter.
    [GeneratedRegex(@"(?<!(?<!%[0-9A-Fa-f])[0-9])(?<date>[0-9]{8}|[0-9]{6})(?<sep>[-+_ \u2010\u2011\u2013]?)(?<tail>[0-9TRSUWXJKLMN][0-9]{3})(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex Candidate();
}
