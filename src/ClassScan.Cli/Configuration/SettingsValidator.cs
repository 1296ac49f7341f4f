using ClassScan.Reporting.Departments;
using Microsoft.Extensions.Logging;

namespace ClassScan.Cli.Configuration;

/// <summary>Checks bound settings and names every bad one; run at the start of every command that uses them.</summary>
public static class SettingsValidator
{
    private static readonly string[] KnownFormats = ["csv", "jsonl"];

    public static IEnumerable<SettingError> Validate(ClassScanSettings s)
    {
        var scan = s.Scan;
        if (string.IsNullOrWhiteSpace(scan.Out)) yield return new("Scan:Out", "utmappen måste anges.");
        if (scan.Parallelism is < 1 or > 1024) yield return new("Scan:Parallelism", $"är {scan.Parallelism}, måste vara 1–1024.");
        if (scan.TimeoutSeconds is < 1 or > 86_400) yield return new("Scan:TimeoutSeconds", $"är {scan.TimeoutSeconds}, måste vara 1–86400 sekunder.");
        if (scan.MaxFileMb is < 1 or > 1_048_576) yield return new("Scan:MaxFileMb", $"är {scan.MaxFileMb}, måste vara 1–1048576 MB.");
        foreach (var (f, i) in (scan.Formats ?? []).Select((f, i) => (f, i)))
        {
            if (!KnownFormats.Contains(f?.Trim(), StringComparer.OrdinalIgnoreCase))
                yield return new($"Scan:Formats:{i}", $"okänt format '{f}'; giltiga: {string.Join(", ", KnownFormats)}.");
        }
        foreach (var (name, list) in new[] { ("Include", scan.Include), ("Exclude", scan.Exclude) })
        {
            foreach (var (g, i) in (list ?? []).Select((g, i) => (g, i)))
            {
                if (string.IsNullOrWhiteSpace(g)) yield return new($"Scan:{name}:{i}", "tomt mönster.");
            }
        }
        if (scan.Model is { Length: > 0 } && scan.NoModel)
            yield return new("Scan:NoModel", "både Scan:Model och Scan:NoModel är satta; välj en.");
        if (scan.Source is not ("local" or "graph"))
            yield return new("Scan:Source", $"är '{scan.Source}', måste vara local eller graph.");

        var graph = s.Graph;
        if (!Uri.TryCreate(graph.BaseUrl, UriKind.Absolute, out var graphUrl) || graphUrl.Scheme is not ("https" or "http"))
            yield return new("Graph:BaseUrl", $"'{graph.BaseUrl}' är ingen http(s)-adress (standard: {Sources.Graph.GraphConnectionOptions.DefaultBaseUrl}).");
        if (graph.Concurrency is < 1 or > 64) yield return new("Graph:Concurrency", $"är {graph.Concurrency}, måste vara 1–64.");

        var files = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < s.Departments.Count; i++)
        {
            var d = s.Departments[i];
            var key = $"Departments:{i}";
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
            foreach (var (list, name) in new[] { (d.Drives, "Drives"), (d.Owners, "Owners") })
            {
                foreach (var (v, j) in (list ?? []).Select((v, j) => (v, j)))
                {
                    if (string.IsNullOrWhiteSpace(v)) yield return new($"{key}:{name}:{j}", "tomt värde.");
                }
            }
        }

        var log = s.Log;
        if (!Enum.TryParse<LogLevel>(log.ConsoleLevel, ignoreCase: true, out _))
            yield return new("Log:ConsoleLevel", $"'{log.ConsoleLevel}' är ingen loggnivå (Trace, Debug, Information, Warning, Error, Critical, None).");
        if (!Enum.TryParse<LogLevel>(log.FileLevel, ignoreCase: true, out _))
            yield return new("Log:FileLevel", $"'{log.FileLevel}' är ingen loggnivå (Trace, Debug, Information, Warning, Error, Critical, None).");
        if (log.FileMaxMegabytes is < 1 or > 1024) yield return new("Log:FileMaxMegabytes", $"är {log.FileMaxMegabytes}, måste vara 1–1024.");
        if (log.FileCount is < 1 or > 100) yield return new("Log:FileCount", $"är {log.FileCount}, måste vara 1–100.");
    }
}
