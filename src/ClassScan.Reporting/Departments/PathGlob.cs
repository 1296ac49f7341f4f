using System.Text;
using System.Text.RegularExpressions;

namespace ClassScan.Reporting.Departments;

/// <summary>
/// A path glob for department mapping: <c>*</c> any characters within one folder name, <c>?</c> one character,
/// <c>**</c> any number of folders. A glob that does not start with '/', '**' or a drive letter may match at any
/// depth (like --include), so <c>Socialtjänst/**</c> matches <c>/mnt/g/Socialtjänst/a.docx</c>. Case-insensitive,
/// '\' and '/' are the same. Compiled as a non-backtracking regex: paths are attacker-chosen and matching must
/// stay linear. Thread-safe.
/// </summary>
public sealed partial class PathGlob
{
    private readonly Regex regex;

    public PathGlob(string pattern)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        Pattern = pattern;
        regex = new Regex(ToRegex(pattern), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
    }

    public string Pattern { get; }

    public bool IsMatch(string path) => regex.IsMatch(Normalize(path));

    /// <summary>Forward slashes only, so one glob serves Windows shares, Linux mounts and Graph paths.</summary>
    public static string Normalize(string path) => path.Replace('\\', '/');

    internal static string ToRegex(string pattern)
    {
        var p = Normalize(pattern.Trim());
        var anchored = p.StartsWith('/') || p.StartsWith("**", StringComparison.Ordinal) || DriveLetter().IsMatch(p);
        if (!anchored) p = "**/" + p;
        var sb = new StringBuilder("^");
        for (var i = 0; i < p.Length; i++)
        {
            var c = p[i];
            if (c == '*' && i + 1 < p.Length && p[i + 1] == '*')
            {
                var slashAfter = i + 2 < p.Length && p[i + 2] == '/';
                var slashBefore = i > 0 && p[i - 1] == '/';
                if (slashAfter)
                {
                    sb.Append("(?:.*/)?"); // "**/": zero or more whole folders
                    i += 2;
                }
                else if (slashBefore && i + 2 == p.Length)
                {
                    sb.Length -= 1; // "/**" at the end: the folder itself or anything below it
                    sb.Append("(?:/.*)?");
                    i += 1;
                }
                else
                {
                    sb.Append(".*");
                    i += 1;
                }
            }
            else if (c == '*') sb.Append("[^/]*");
            else if (c == '?') sb.Append("[^/]");
            else sb.Append(Regex.Escape(c.ToString()));
        }
        return sb.Append('$').ToString();
    }

    [GeneratedRegex("^[A-Za-z]:/")]
    private static partial Regex DriveLetter();
}
