using System.Text;

namespace ClassScan.Core.Privacy;

/// <summary>
/// Makes third-party messages (exception texts from parsers) safe for reports and logs: one line, bounded
/// length, and every run of six or more digits masked, because a parser may quote the bytes it choked on.
/// </summary>
public static class SafeText
{
    public static string Message(string? message, int maxLength = 160)
    {
        if (string.IsNullOrWhiteSpace(message)) return "";
        var sb = new StringBuilder(Math.Min(message.Length, maxLength + 8));
        var digits = 0;
        foreach (var ch in message)
        {
            if (sb.Length >= maxLength) { sb.Append('…'); break; }
            var c = ch is '\r' or '\n' or '\t' ? ' ' : ch;
            if (char.IsAsciiDigit(c))
            {
                // A run of six or more digits (a personnummer, an account) becomes '#' throughout: the first five
                // wait in the text, the sixth turns the run into '#', and so does every later one.
                digits++;
                if (digits < 6) sb.Append(c);
                else if (digits == 6) { sb.Length -= 5; sb.Append("######"); }
                else sb.Append('#');
                continue;
            }
            digits = 0;
            sb.Append(c);
        }
        return sb.ToString().Trim();
    }
}
