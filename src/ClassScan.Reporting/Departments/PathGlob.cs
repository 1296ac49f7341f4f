using System.Text.RegularExpressions;
using Microsoft.Extensions.FileSystemGlobbing;
using Microsoft.Extensions.FileSystemGlobbing.Abstractions;

namespace ClassScan.Reporting.Departments;

/// <summary>
/// A path glob for department mapping, matched by Microsoft.Extensions.FileSystemGlobbing (the same engine as
/// --include): <c>*</c> any characters within one folder name, <c>**</c> any number of folders. A glob that does not
/// start with '/', '**' or a drive letter may match at any depth (like --include), so <c>Socialtjänst/**</c> matches
/// <c>/mnt/g/Socialtjänst/a.docx</c>; <c>X/**</c> also matches the folder X itself. Case-insensitive, '\' and '/'
/// are the same. The engine has no one-character wildcard, so a glob with '?' is refused rather than matched
/// literally. Matching is linear in the path (segments are compared left to right, no backtracking regex), which
/// matters because paths are attacker-chosen. The path is handed to the engine as a tree of its own segments
/// (<see cref="Folder"/>), not through its in-memory helper, which resolves paths against the current directory
/// and the OS's rules: on Windows a drive path (G:/Social/…) would never match, and '..' would be folded away.
/// Thread-safe (each match builds its own context).
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
        var segments = Normalize(path).Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length > 0 && matcher.Execute(new Folder(segments, 0)).HasMatches;
    }

    /// <summary>Forward slashes only, so one glob serves Windows shares, Linux mounts and Graph paths.</summary>
    public static string Normalize(string path) => path.Replace('\\', '/');

    [GeneratedRegex("^[A-Za-z]:/")]
    private static partial Regex DriveLetter();

    /// <summary>The folder of one path at <paramref name="depth"/> (0 = above the first segment): it holds the next
    /// segment, a folder, or the last one, a file.</summary>
    private sealed class Folder(string[] segments, int depth) : DirectoryInfoBase
    {
        public override string Name => depth == 0 ? "" : segments[depth - 1];

        public override string FullName => string.Join('/', segments, 0, depth);

        public override DirectoryInfoBase? ParentDirectory => depth == 0 ? null : new Folder(segments, depth - 1);

        public override IEnumerable<FileSystemInfoBase> EnumerateFileSystemInfos()
        {
            if (depth == segments.Length - 1) yield return new Leaf(segments, this);
            else if (depth < segments.Length - 1) yield return new Folder(segments, depth + 1);
        }

        public override DirectoryInfoBase? GetDirectory(string path) => path == ".." ? ParentDirectory : null;

        public override FileInfoBase? GetFile(string path) => null;
    }

    private sealed class Leaf(string[] segments, Folder parent) : FileInfoBase
    {
        public override string Name => segments[^1];

        public override string FullName => string.Join('/', segments);

        public override DirectoryInfoBase ParentDirectory => parent;
    }
}
