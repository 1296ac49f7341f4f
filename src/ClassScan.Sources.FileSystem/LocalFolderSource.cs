using System.Runtime.CompilerServices;
using ClassScan.Core.Scanning;
using Microsoft.Extensions.FileSystemGlobbing;

namespace ClassScan.Sources.FileSystem;

/// <summary>
/// Lists the files under a folder, recursively and in a stable (ordinal) order, and opens them read-only.
/// Directories that cannot be listed and links that cannot be resolved become error items rather than
/// silent gaps. Directory links are followed once: a link back into a folder already walked is skipped,
/// so link loops end. Include/exclude globs apply to the path relative to the root ('/' separated);
/// a pattern without '/' matches at any depth ("*.docx" = "**/*.docx").
/// <para>
/// Named pipes, sockets and devices (also behind a link) are recognised while listing and become
/// unsupported rows without ever being opened: opening a pipe blocks until someone writes to it, reading
/// /dev/zero never ends. Opening checks again, for an entry replaced after it was listed.
/// </para>
/// </summary>
public sealed class LocalFolderSource : IDocumentSource
{
    private readonly string root;
    private readonly Matcher? include;
    private readonly Matcher? exclude;

    public LocalFolderSource(string root, IReadOnlyList<string>? includeGlobs = null, IReadOnlyList<string>? excludeGlobs = null)
    {
        this.root = Path.GetFullPath(root);
        include = BuildMatcher(includeGlobs);
        exclude = BuildMatcher(excludeGlobs);
    }

    public string Root => root;

    public async IAsyncEnumerable<SourceItem> EnumerateAsync([EnumeratorCancellation] CancellationToken ct)
    {
        if (File.Exists(root))
        {
            // A single file given as the root: scan just that file.
            yield return ToItem(new FileInfo(root));
            yield break;
        }
        if (!Directory.Exists(root)) throw new DirectoryNotFoundException($"Mappen finns inte: {root}");

        var visited = new HashSet<string>(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal) { root };
        var pending = new Stack<string>();
        pending.Push(root);
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = false,
            IgnoreInaccessible = false,
            AttributesToSkip = 0,
            ReturnSpecialDirectories = false,
        };

        while (pending.Count > 0)
        {
            ct.ThrowIfCancellationRequested();
            var dir = pending.Pop();
            List<FileSystemInfo> entries;
            string? listError = null;
            try
            {
                entries = new DirectoryInfo(dir).EnumerateFileSystemInfos("*", options).ToList();
                entries.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException or IOException or System.Security.SecurityException)
            {
                entries = [];
                listError = $"mappen kunde inte listas ({ex.GetType().Name})";
            }
            if (listError is not null)
            {
                yield return new SourceItem(dir, dir, null, null) { EnumerationError = listError };
                continue;
            }

            // Push subdirectories in reverse so they are walked in name order.
            for (var i = entries.Count - 1; i >= 0; i--)
            {
                if (entries[i] is DirectoryInfo sub && Walkable(sub, visited)) pending.Push(sub.FullName);
            }
            foreach (var entry in entries)
            {
                if (entry is not FileInfo file) continue;
                if (!Selected(file.FullName)) continue;
                yield return ToItem(file);
            }
            await Task.Yield();
        }
    }

    public Task<Stream> OpenReadAsync(SourceItem item, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        if (SpecialFileKind.Describe(item.Id) is { } notAFile) throw new NotAFileException(notAFile);
        // FileShare.ReadWrite|Delete: never block users or sync clients that have the file open.
        Stream s = new FileStream(item.Id, new FileStreamOptions
        {
            Mode = FileMode.Open,
            Access = FileAccess.Read,
            Share = FileShare.ReadWrite | FileShare.Delete,
            Options = FileOptions.SequentialScan,
            BufferSize = 64 * 1024,
        });
        return Task.FromResult(s);
    }

    private SourceItem ToItem(FileInfo file)
    {
        try
        {
            if (file.LinkTarget is not null)
            {
                var target = file.ResolveLinkTarget(returnFinalTarget: true);
                if (target is null || !target.Exists)
                    return new SourceItem(file.FullName, file.FullName, null, null) { EnumerationError = "länken pekar på en fil som inte finns" };
                var t = new FileInfo(target.FullName);
                if (SpecialFileKind.Describe(t.FullName) is { } linkedNotAFile) return NotAFile(file, linkedNotAFile);
                return new SourceItem(file.FullName, file.FullName, t.Length, t.LastWriteTimeUtc) { LocalPath = file.FullName };
            }
            if (SpecialFileKind.Describe(file.FullName) is { } notAFile) return NotAFile(file, notAFile);
            return new SourceItem(file.FullName, file.FullName, file.Length, new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero)) { LocalPath = file.FullName };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new SourceItem(file.FullName, file.FullName, null, null) { EnumerationError = $"filen kunde inte läsas av ({ex.GetType().Name})" };
        }
    }

    private static SourceItem NotAFile(FileInfo file, string reason) =>
        new(file.FullName, file.FullName, null, null) { EnumerationError = reason, EnumerationStatus = ScanStatus.Unsupported };

    private static bool Walkable(DirectoryInfo dir, HashSet<string> visited)
    {
        string real;
        try
        {
            real = dir.LinkTarget is null ? dir.FullName : dir.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? dir.FullName;
            real = Path.GetFullPath(real);
        }
        catch (IOException)
        {
            return false;
        }
        // A link loop or a second link to the same folder would list the same files again.
        return visited.Add(real) && (dir.LinkTarget is null || visited.Add(dir.FullName));
    }

    private bool Selected(string fullPath)
    {
        if (include is null && exclude is null) return true;
        var relative = Path.GetRelativePath(root, fullPath).Replace('\\', '/');
        if (include is not null && !include.Match(relative).HasMatches) return false;
        if (exclude is not null && exclude.Match(relative).HasMatches) return false;
        return true;
    }

    private static Matcher? BuildMatcher(IReadOnlyList<string>? globs)
    {
        if (globs is null || globs.Count == 0) return null;
        var m = new Matcher(StringComparison.OrdinalIgnoreCase);
        foreach (var g in globs)
        {
            var pattern = g.Replace('\\', '/');
            m.AddInclude(pattern.Contains('/') ? pattern.TrimStart('/') : "**/" + pattern);
        }
        return m;
    }
}
