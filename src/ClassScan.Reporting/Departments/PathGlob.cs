using System.Text.RegularExpressions;
using Microsoft.Extensions.FileSystemGlobbing;

namespace ClassScan.Reporting.Departments;

/// <summary>
/// A path glob for department mapping, matched by Microsoft.Extensions.FileSystemGlobbing (the same engine as
/// --include): <c>*</c> any characters within one folder name, <c>**</c> any number of folders. A glob that does not
/// start with '/', '**' or a drive letter may match at any depth (like --include), so <c>Socialtjänst/**</c> matches
/// <c>/mnt/g/Socialtjänst/a.docx</c>; <c>X/**</c> also matches the folder X itself. Case-insensitive, '\' and '/'
/// are the same. The engine has no one-character wildcard, so a glob with '?' is refused rather than matched
/// literally. Matching is linear in the path (segments are compared left to right, no backtracking regex), which
/// matters because paths are attacker-chosen. Thread-safe (each match builds its own context).
/// </summary>
public sealed partial class PathGlob
{
    private readonly Matcher matcher = new(StringComparison.OrdinalIgnoreCase);

    public PathGlob(string pattern)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        Pattern = pattern;
        var p = Normalize(pattern.Trim());
        if (p.Contains('?')) throw new ArgumentException("'?' is not supported in a path glob; use '*'.", nameof(pattern));
        var anchored = p.StartsWith('/') || p.StartsWith("**", StringComparison.Ordinal) || DriveLetter().IsMatch(p);
        p = anchored ? p.TrimStart('/') : "**/" + p;
        matcher.AddInclude(p);
        // The engine matches files below a folder; "X/**" here also names the folder X itself.
        if (p.EndsWith("/**", StringComparison.Ordinal) && p.Length > 3) matcher.AddInclude(p[..^3]);
    }

    public string Pattern { get; }

    public bool IsMatch(string path)
    {
        var relative = Normalize(path).TrimStart('/');
        return relative.Length > 0 && matcher.Match(relative).HasMatches;
    }

    /// <summary>Forward slashes only, so one glob serves Windows shares, Linux mounts and Graph paths.</summary>
    public static string Normalize(string path) => path.Replace('\\', '/');

    [GeneratedRegex("^[A-Za-z]:/")]
    private static partial Regex DriveLetter();
}
