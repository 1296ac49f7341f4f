using ClassScan.Core.Classification;
using ClassScan.Core.Privacy;
using ClassScan.Core.Scanning;

namespace ClassScan.Pipeline;

/// <summary>
/// The one rule that turns the verdicts on an archive's entries, each judged as a document of its own, into the
/// archive's verdict (classification-policy.md: "the level of a file is the highest level that any part of it reaches").
/// In order:
/// <list type="number">
/// <item>An entry that must leave M365 makes the archive must-leave at the highest level found: the reason names that
/// entry ("post 'Elevakter/beslut.docx': ...", and how many more there are), the evidence is the flagged entries',
/// located by entry ("Elevakter/beslut.docx / sida 2"), and the counts are summed. Unread entries do not matter then:
/// more content can only add findings.</item>
/// <item>Else an encrypted entry makes the archive <see cref="ScanStatus.Encrypted"/>, naming it: the archive cannot be
/// cleared while a file in it is unread.</item>
/// <item>Else an entry that failed (corrupt, a limit, a time limit, a detector error, a truncated text too short to
/// judge) makes it <see cref="ScanStatus.Error"/>, naming it.</item>
/// <item>Else, with entries judged, the archive is at the highest level of its entries, the reason naming that entry and
/// how many were judged.</item>
/// <item>Else (no entry with text) <see cref="ScanStatus.NoText"/>.</item>
/// </list>
/// Entries of a format not read (an image, an .exe) and entries without text are notes, not failures: a folder of
/// photos is no error. Paths are shown as they are in reasons and details (the reports mask identity numbers in them
/// as in file names); evidence locations are masked here like every other location. Pure and thread-safe.
/// </summary>
internal static class ContainerVerdict
{
    private const int MaxLocations = 5;
    private const int MaxNotesLength = 400;

    /// <param name="item">The archive.</param>
    /// <param name="extractor">The archive's extractor.</param>
    /// <param name="entries">Each entry's path inside the archive and its own verdict, in archive order.</param>
    /// <param name="notes">The extractor's notes on the archive (entries left unread after a limit).</param>
    public static ScanResult Combine(SourceItem item, string? extractor, IReadOnlyList<(string Path, ScanResult Result)> entries, IReadOnlyList<string> notes)
    {
        var judged = entries.Where(e => e.Result is { Status: ScanStatus.Ok, Classification: not null }).ToList();
        var flagged = judged.Where(e => e.Result.MustLeave).ToList();
        if (flagged.Count > 0) return Judged(item, extractor, flagged, judged, Notes(entries, notes, except: flagged));

        var encrypted = entries.Where(e => e.Result.Status == ScanStatus.Encrypted).ToList();
        if (encrypted.Count > 0) return Unjudged(item, extractor, ScanStatus.Encrypted, encrypted);
        var failed = entries.Where(e => e.Result.Status == ScanStatus.Error).ToList();
        if (failed.Count > 0) return Unjudged(item, extractor, ScanStatus.Error, failed);

        if (judged.Count > 0) return Judged(item, extractor, judged, judged, Notes(entries, notes, except: judged));

        var why = entries.Count == 0 ? "inga filer i arkivet" : "ingen läsbar text i arkivet";
        var detail = Notes(entries, notes, except: []);
        return new()
        {
            Item = item,
            Status = ScanStatus.NoText,
            StatusDetail = SafeText.Message(detail is null ? why : $"{why}: {detail}", MaxNotesLength),
            Extractor = extractor,
        };
    }

    /// <summary>The verdict of the highest entry among <paramref name="deciding"/>, with the evidence of those entries.</summary>
    private static ScanResult Judged(SourceItem item, string? extractor, List<(string Path, ScanResult Result)> deciding,
        List<(string Path, ScanResult Result)> judged, string? notes)
    {
        var top = deciding.MaxBy(e => e.Result.Classification!.Level);
        var c = top.Result.Classification!;
        var others = deciding.Count - 1;
        // Flagged: the entry that decided, and how many more must leave. Not flagged: the highest entry, of how many.
        var reason = c.MustLeave
            ? $"post '{top.Path}': {c.Reason}" + (others > 0 ? $" (och {Posts(others)} till)" : "")
            : (others > 0 ? $"{deciding.Count} poster bedömda, högst " : "") + $"post '{top.Path}': {c.Reason}";
        // A suspicion is for a person to look at: kept only when the archive is not flagged anyway.
        var review = c.MustLeave ? null : judged.Select(e => e.Result.Classification!.Review is { } r ? $"post '{e.Path}': {r}" : null).FirstOrDefault(r => r is not null);
        return new()
        {
            Item = item,
            Status = ScanStatus.Ok,
            StatusDetail = notes is null ? null : SafeText.Message(notes, MaxNotesLength),
            Classification = new ClassificationResult(c.Level, reason, c.RuleId) { Review = review },
            Evidence = Evidence(deciding),
            PersonnummerCount = judged.Sum(e => e.Result.PersonnummerCount),
            HealthCount = judged.Sum(e => e.Result.HealthCount),
            OslMarking = top.Result.OslMarking ?? deciding.Select(e => e.Result.OslMarking).FirstOrDefault(o => o is not null),
            Extractor = extractor,
        };
    }

    private static ScanResult Unjudged(SourceItem item, string? extractor, ScanStatus status, List<(string Path, ScanResult Result)> entries)
    {
        var first = entries[0];
        var detail = $"post '{first.Path}': {first.Result.StatusDetail}" + (entries.Count > 1 ? $" (och {Posts(entries.Count - 1)} till)" : "");
        return new() { Item = item, Status = status, StatusDetail = SafeText.Message(detail, MaxNotesLength), Extractor = extractor };
    }

    /// <summary>Evidence per kind over the entries, each location prefixed by its entry; ordered as in one file (<see cref="EvidenceBuilder.Rank"/>).</summary>
    private static IReadOnlyList<EvidenceItem> Evidence(List<(string Path, ScanResult Result)> entries)
    {
        var byKind = new List<(string Kind, int Count, List<string> Locations, string Sample, List<string> Details)>();
        foreach (var (path, result) in entries)
        {
            foreach (var e in result.Evidence)
            {
                var i = byKind.FindIndex(k => k.Kind == e.Kind);
                if (i < 0)
                {
                    byKind.Add((e.Kind, 0, [], e.MaskedSample, []));
                    i = byKind.Count - 1;
                }
                var k = byKind[i];
                var locations = e.Locations.Count > 0 ? e.Locations.Select(l => $"{path} / {l}") : [path];
                // An entry's name may hold an identity number: masked like every other location.
                foreach (var l in locations.Select(l => SafeText.Message(l)))
                    if (k.Locations.Count < MaxLocations && !k.Locations.Contains(l)) k.Locations.Add(l);
                foreach (var d in e.Details)
                    if (!k.Details.Contains(d)) k.Details.Add(d);
                byKind[i] = k with { Count = k.Count + e.Count };
            }
        }
        return byKind.OrderBy(k => EvidenceBuilder.Rank(k.Kind)) // stable: first seen first within a rank
            .Select(k => new EvidenceItem(k.Kind, k.Count, k.Locations, k.Sample, k.Details)).ToList();
    }

    /// <summary>What the reviewer should know besides the verdict: entries not judged and the archive's own notes.</summary>
    private static string? Notes(IReadOnlyList<(string Path, ScanResult Result)> entries, IReadOnlyList<string> archiveNotes,
        List<(string Path, ScanResult Result)> except)
    {
        var parts = new List<string>();
        foreach (var (path, result) in entries)
        {
            if (except.Any(e => ReferenceEquals(e.Result, result))) continue;
            var what = result.Status switch
            {
                ScanStatus.Ok => null, // judged below the deciding level: nothing to add
                ScanStatus.Unsupported or ScanStatus.NoText => $"post '{path}' inte läst: {result.StatusDetail}",
                _ => $"post '{path}' ej bedömd: {result.StatusDetail}",
            };
            if (what is not null) parts.Add(what);
        }
        foreach (var (path, result) in except)
            if (result.StatusDetail is { Length: > 0 } d) parts.Add($"post '{path}': {d}");
        parts.AddRange(archiveNotes);
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    private static string Posts(int n) => n == 1 ? "1 post" : $"{n} poster";
}
