using ClassScan.Reporting.Departments;
using Microsoft.Extensions.Options;

namespace ClassScan.Cli.Configuration;

/// <summary>
/// The "Departments" list: every entry named, names that give distinct report files, at least one rule each, and
/// rules that parse. Spans entries (two names, one file), so it is a validator of the whole list.
/// </summary>
internal sealed class DepartmentsValidation : IValidateOptions<List<DepartmentSettings>>
{
    public const string SectionName = "Departments";

    public ValidateOptionsResult Validate(string? name, List<DepartmentSettings> departments)
    {
        var failures = Problems(departments).Select(e => e.ToString()).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<SettingError> Problems(List<DepartmentSettings> departments)
    {
        var files = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < departments.Count; i++)
        {
            var d = departments[i];
            var key = $"{SectionName}:{i}";
            if (string.IsNullOrWhiteSpace(d.Name))
            {
                yield return new($"{key}:Name", "förvaltningen saknar namn.");
                continue;
            }
            var file = DepartmentMap.FileNameFor(d.Name);
            if (file.Equals(DepartmentMap.FileNameFor(DepartmentMap.Unknown), StringComparison.OrdinalIgnoreCase))
                yield return new($"{key}:Name", $"'{DepartmentMap.Unknown}' är reserverat för filer som ingen regel matchar.");
            else if (!files.TryAdd(file, d.Name))
                yield return new($"{key}:Name", $"'{d.Name}' ger samma filnamn ({file}) som '{files[file]}'.");
            if ((d.SiteUrls?.Length ?? 0) + (d.Drives?.Length ?? 0) + (d.PathGlobs?.Length ?? 0) + (d.Owners?.Length ?? 0) == 0)
                yield return new(key, $"'{d.Name}' har ingen regel: ange minst en av SiteUrls, Drives, PathGlobs, Owners.");
            foreach (var (url, j) in (d.SiteUrls ?? []).Select((u, j) => (u, j)))
            {
                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
                    yield return new($"{key}:SiteUrls:{j}", $"'{url}' är ingen webbadress (t.ex. https://kommun.sharepoint.com/sites/Socialtjanst).");
            }
            foreach (var (glob, j) in (d.PathGlobs ?? []).Select((g, j) => (g, j)))
            {
                string? problem = null;
                if (string.IsNullOrWhiteSpace(glob)) problem = "tomt mönster.";
                else
                {
                    try { _ = new PathGlob(glob); }
                    catch (ArgumentException) { problem = $"'{glob}' är inget giltigt mönster."; }
                }
                if (problem is not null) yield return new($"{key}:PathGlobs:{j}", problem);
            }
            foreach (var (list, field) in new[] { (d.Drives, "Drives"), (d.Owners, "Owners") })
            {
                foreach (var (v, j) in (list ?? []).Select((v, j) => (v, j)))
                {
                    if (string.IsNullOrWhiteSpace(v)) yield return new($"{key}:{field}:{j}", "tomt värde.");
                }
            }
        }
    }
}
