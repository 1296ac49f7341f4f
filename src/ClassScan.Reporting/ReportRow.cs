using System.Globalization;
using System.Runtime.CompilerServices;
using ClassScan.Core.Scanning;

namespace ClassScan.Reporting;

/// <summary>
/// Everything the reports show about one file, each value worded and formatted once: results.csv, flagged.csv and
/// results.jsonl (<see cref="ResultRow"/>), review.csv (<see cref="ReviewRow"/>), the department files
/// (<see cref="Departments.DepartmentRow"/>) and rapport.html are views over it, so a value cannot differ between
/// them. Built from the result as the reports see it (after <see cref="ReportRedaction"/>): masking stays in front.
/// No document content, only verdict, counts and masked evidence.
/// </summary>
internal sealed class ReportRow
{
    // One row per result however many reports read it; the entry goes with the result.
    private static readonly ConditionalWeakTable<ScanResult, ReportRow> Built = [];

    public required string Path { get; init; }
    public required string Status { get; init; }

    /// <summary>The KLASSA level; null when the file was not judged.</summary>
    public int? Level { get; init; }

    public bool MustLeave { get; init; }
    public required string Reason { get; init; }
    public int PnrCount { get; init; }
    public required string Evidence { get; init; }
    public long Bytes { get; init; }
    public required string Extractor { get; init; }
    public long ElapsedMs { get; init; }
    public int HealthCount { get; init; }
    public required string OslMarking { get; init; }
    public required string Rule { get; init; }
    public required string WebUrl { get; init; }
    public required string LastModifiedBy { get; init; }

    /// <summary>"yyyy-MM-dd HH:mm", empty when unknown.</summary>
    public required string LastModified { get; init; }

    /// <summary>The file's report id: names the file when its path is masked (<c>classscan show ID</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The level in words ("2 – konfidentiell", "ej bedömd").</summary>
    public required string LevelText { get; init; }

    /// <summary>Why, for a reviewer: the reason, or what kept the scanner out of the file.</summary>
    public required string Why { get; init; }

    /// <summary>What to do (<see cref="ReviewerText.Action(ScanResult)"/>); empty when nothing.</summary>
    public required string Action { get; init; }

    /// <summary>Listed in review.csv: not judged, or judged with a suspicion.</summary>
    public bool NeedsReview { get; init; }

    /// <summary>review.csv's status: "granska" for a judged file with a suspicion, else <see cref="Status"/>.</summary>
    public required string ReviewStatus { get; init; }

    /// <summary>review.csv's reason: the suspicion, or the cause the file could not be judged.</summary>
    public required string ReviewReason { get; init; }

    /// <summary>Listed in the department files: must leave M365, or not judged.</summary>
    public bool NeedsAction { get; init; }

    /// <summary>Department file order: level 3, 2, then blind spots.</summary>
    public int Rank { get; init; }

    /// <summary>The row of the result, built on first use and shared by every report that asks for the same result.</summary>
    public static ReportRow Of(ScanResult r) => Built.GetValue(r, From);

    public static ReportRow From(ScanResult r)
    {
        var suspicion = r.Status == ScanStatus.Ok ? r.Classification?.Review : null;
        return new()
        {
            Path = r.Item.Path,
            Status = r.Status.ToReportName(),
            Level = r.Classification is { } c ? (int)c.Level : null,
            MustLeave = r.MustLeave,
            Reason = ReviewerText.Reason(r),
            PnrCount = r.PersonnummerCount,
            Evidence = EvidenceFormatter.Format(r.Evidence),
            Bytes = r.Bytes,
            Extractor = r.Extractor ?? "",
            ElapsedMs = (long)r.Elapsed.TotalMilliseconds,
            HealthCount = r.HealthCount,
            OslMarking = r.OslMarking ?? "",
            Rule = r.Classification?.RuleId ?? "",
            WebUrl = r.Item.WebUrl ?? "",
            LastModifiedBy = r.Item.LastModifiedBy ?? "",
            LastModified = r.Item.LastModified?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "",
            Id = r.Item.ReportId ?? "",
            LevelText = ReviewerText.Level(r.Classification?.Level),
            Why = ReviewerText.Why(r),
            Action = ReviewerText.Action(r),
            NeedsReview = ReviewerText.NeedsReview(r),
            ReviewStatus = suspicion is not null ? ReviewRow.SuspicionStatus : r.Status.ToReportName(),
            ReviewReason = suspicion ?? r.StatusDetail ?? "",
            NeedsAction = ReviewerText.NeedsAction(r),
            Rank = ReviewerText.Rank(r),
        };
    }
}
