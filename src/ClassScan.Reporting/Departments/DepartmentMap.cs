using System.Text;
using System.Text.RegularExpressions;
using ClassScan.Core.Scanning;

namespace ClassScan.Reporting.Departments;

/// <summary>
/// Decides which förvaltning a file belongs to, from its site URL, drive, path or last modifier. Files no rule
/// matches belong to <see cref="Unknown"/> ("okänd"), so nothing flagged is ever left without a reviewer.
/// Immutable and thread-safe once built.
/// </summary>
public sealed class DepartmentMap
{
    /// <summary>The department of files no rule matches (and the name of their CSV).</summary>
    public const string Unknown = "okänd";

    private readonly List<Compiled> rules = [];

    public DepartmentMap(IEnumerable<DepartmentRule> rules)
    {
        foreach (var rule in rules)
        {
            this.rules.Add(new Compiled(
                rule.Name.Trim(),
                [.. rule.SiteUrls.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim().TrimEnd('/'))],
                [.. rule.Drives.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim())],
                [.. rule.PathGlobs.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => new PathGlob(s))],
                [.. rule.Owners.Where(s => !string.IsNullOrWhiteSpace(s)).Select(OwnerPattern)]));
        }
        Names = [.. this.rules.Select(r => r.Name).Distinct(StringComparer.OrdinalIgnoreCase), Unknown];
    }

    public static DepartmentMap Empty { get; } = new([]);

    /// <summary>Configured departments in order, then <see cref="Unknown"/>.</summary>
    public IReadOnlyList<string> Names { get; }

    public string Resolve(SourceItem item)
    {
        foreach (var rule in rules)
        {
            if (rule.Matches(item)) return rule.Name;
        }
        return Unknown;
    }

    /// <summary>
    /// The CSV file name for a department: the name as written (åäö kept, so reviewers recognise it), with
    /// characters no file system accepts replaced by '_'. Two names that differ only there collide; the
    /// configuration check reports that.
    /// </summary>
    public static string FileNameFor(string department)
    {
        var sb = new StringBuilder(department.Length + 4);
        var invalid = Path.GetInvalidFileNameChars();
        foreach (var c in department.Normalize(NormalizationForm.FormC).Trim())
            sb.Append(char.IsControl(c) || invalid.Contains(c) || c is '/' or '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|' ? '_' : c);
        var name = sb.ToString().Trim('.', ' ');
        return (name.Length == 0 ? "_" : name) + ".csv";
    }

    private static Regex OwnerPattern(string owner) =>
        new("^" + Regex.Escape(owner.Trim()).Replace("\\*", ".*", StringComparison.Ordinal) + "$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    private sealed record Compiled(string Name, string[] SiteUrls, string[] Drives, PathGlob[] Globs, Regex[] Owners)
    {
        public bool Matches(SourceItem item)
        {
            if (item.WebUrl is { Length: > 0 } url)
            {
                foreach (var site in SiteUrls)
                {
                    if (url.StartsWith(site, StringComparison.OrdinalIgnoreCase) && (url.Length == site.Length || url[site.Length] is '/' or '?' or '#'))
                        return true;
                }
            }
            if (Drives.Length > 0)
            {
                var firstSegment = PathGlob.Normalize(item.Path).TrimStart('/').Split('/')[0];
                foreach (var drive in Drives)
                {
                    if (item.Id.Equals(drive, StringComparison.Ordinal)) return true;
                    if (item.Id.Length > drive.Length && item.Id.StartsWith(drive, StringComparison.Ordinal) && item.Id[drive.Length] is '/' or ':' or '|')
                        return true;
                    if (firstSegment.Equals(drive, StringComparison.OrdinalIgnoreCase)) return true;
                }
            }
            foreach (var glob in Globs)
            {
                if (glob.IsMatch(item.Path)) return true;
            }
            if (item.LastModifiedBy is { Length: > 0 } owner)
            {
                foreach (var pattern in Owners)
                {
                    if (pattern.IsMatch(owner)) return true;
                }
            }
            return false;
        }
    }
}
