using ClassScan.Core.Scanning;

namespace ClassScan.Reporting.Html;

/// <summary>
/// What changed since the last complete run, counted from the same change list as changes.csv (the state's
/// "previous run" query), so a rename or a move is one in both files.
/// </summary>
internal sealed record RunComparison
{
    /// <summary>Files flagged at the baseline (the last complete run): still flagged plus no longer flagged.</summary>
    public int PreviousMustLeave { get; init; }

    /// <summary>Files flagged now in the same scopes: still flagged plus newly flagged.</summary>
    public int MustLeave { get; init; }

    /// <summary>Flagged now, not at the baseline, and not a file moved here (changes.csv: new, changed).</summary>
    public int NewlyFlagged { get; init; }

    /// <summary>Flagged at the baseline and now, under another path: renamed (same item) or moved (same content in a
    /// new item; changes.csv lists the pair as moved-in and moved). Counted once, where the file is now.</summary>
    public int Moved { get; init; }

    /// <summary>Read again and no longer at level 2-3 (changes.csv: cleaned).</summary>
    public int Cleaned { get; init; }

    /// <summary>Gone from the source, and not moved elsewhere (changes.csv: deleted).</summary>
    public int Gone { get; init; }

    public IReadOnlyList<ReportFile> NewExamples { get; init; } = [];
    public IReadOnlyList<ReportFile> MovedExamples { get; init; } = [];
    public IReadOnlyList<ReportFile> ResolvedExamples { get; init; } = [];

    /// <summary>
    /// Counts and lists the changes, adding them to each file's förvaltning in <paramref name="departments"/>. A
    /// moved file (moved-in plus moved) is counted once, as moved, where it is now; a rename likewise.
    /// </summary>
    /// <param name="changes">The change list as changes.csv shows it (redacted).</param>
    /// <param name="departmentOf">The förvaltning of a change's file, by the same rules as the results.</param>
    public static RunComparison Of(IEnumerable<FlagChange> changes, Func<FlagChange, DepartmentTotals> departmentOf, int maxListed)
    {
        int previous = 0, now = 0, newly = 0, moved = 0, cleaned = 0, gone = 0;
        List<ReportFile> newExamples = [], movedExamples = [], resolvedExamples = [];
        foreach (var c in changes)
        {
            var totals = departmentOf(c);
            var level = c.Level is { } l ? "nivå " + l.ToString(System.Globalization.CultureInfo.InvariantCulture) : "";
            switch (c.Kind)
            {
                case FlagChangeKind.StillFlagged:
                    previous++;
                    now++;
                    if (c.Why != "renamed") break;
                    moved++;
                    totals.Moved++;
                    if (movedExamples.Count < maxListed)
                        movedExamples.Add(new ReportFile(c.Path, totals.Name, level, "omdöpt eller flyttad, förut " + c.PreviousPath));
                    break;
                case FlagChangeKind.NewlyFlagged when c.Why == "moved-in":
                    // The other half of the pair (moved) was flagged at the baseline: the file was, and is, flagged.
                    now++;
                    moved++;
                    totals.Moved++;
                    if (movedExamples.Count < maxListed)
                        movedExamples.Add(new ReportFile(c.Path, totals.Name, level, c.Detail ?? "flyttad hit"));
                    break;
                case FlagChangeKind.NewlyFlagged:
                    now++;
                    newly++;
                    totals.NewlyFlagged++;
                    if (newExamples.Count < maxListed)
                        newExamples.Add(new ReportFile(c.Path, totals.Name, level, (c.Why == "changed" ? "ändrad sedan förra körningen: " : "") + c.Reason));
                    break;
                case FlagChangeKind.NoLongerFlagged when c.Why == "moved":
                    previous++;
                    break;
                case FlagChangeKind.NoLongerFlagged:
                    previous++;
                    totals.NoLongerFlagged++;
                    if (c.Why == "cleaned") cleaned++;
                    else gone++;
                    if (resolvedExamples.Count < maxListed)
                    {
                        var before = c.PreviousLevel is { } p ? "nivå " + p.ToString(System.Globalization.CultureInfo.InvariantCulture) + " förra gången" : "flaggad förra gången";
                        resolvedExamples.Add(new ReportFile(c.Path, totals.Name, before, c.Why == "cleaned" ? "läst igen: " + c.Detail : "finns inte längre: " + (c.Detail ?? "borttagen")));
                    }
                    break;
            }
        }
        return new RunComparison
        {
            PreviousMustLeave = previous,
            MustLeave = now,
            NewlyFlagged = newly,
            Moved = moved,
            Cleaned = cleaned,
            Gone = gone,
            NewExamples = newExamples,
            MovedExamples = movedExamples,
            ResolvedExamples = resolvedExamples,
        };
    }
}
