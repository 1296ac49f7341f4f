using System.Globalization;
using ClassScan.Core.Scanning;
using CsvHelper.Configuration.Attributes;

namespace ClassScan.Reporting;

/// <summary>One row of changes.csv: how a file's must-leave flag moved since the last complete run.</summary>
internal sealed class ChangeRow
{
    [Name("change"), Index(0)] public string Change { get; init; } = "";
    [Name("why"), Index(1)] public string Why { get; init; } = "";
    [Name("path"), Index(2)] public string Path { get; init; } = "";
    [Name("level"), Index(3)] public string Level { get; init; } = "";
    [Name("previous_level"), Index(4)] public string PreviousLevel { get; init; } = "";
    [Name("reason"), Index(5)] public string Reason { get; init; } = "";
    [Name("detail"), Index(6)] public string Detail { get; init; } = "";
    [Name("web_url"), Index(7)] public string WebUrl { get; init; } = "";
    [Name("last_modified_by"), Index(8)] public string LastModifiedBy { get; init; } = "";
    [Name("last_modified"), Index(9)] public string LastModified { get; init; } = "";
    [Name("previous_path"), Index(10)] public string PreviousPath { get; init; } = "";
    [Name("scope"), Index(11)] public string Scope { get; init; } = "";
    [Name("id"), Index(12)] public string Id { get; init; } = "";

    public static ChangeRow From(FlagChange c) => new()
    {
        Change = c.Kind switch
        {
            FlagChangeKind.NewlyFlagged => "newly-flagged",
            FlagChangeKind.NoLongerFlagged => "no-longer-flagged",
            _ => "still-flagged",
        },
        Why = c.Why,
        Path = c.Path,
        Level = c.Level?.ToString(CultureInfo.InvariantCulture) ?? "",
        PreviousLevel = c.PreviousLevel?.ToString(CultureInfo.InvariantCulture) ?? "",
        Reason = c.Reason ?? "",
        Detail = c.Detail ?? "",
        WebUrl = c.WebUrl ?? "",
        LastModifiedBy = c.LastModifiedBy ?? "",
        LastModified = c.LastModified?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "",
        PreviousPath = c.PreviousPath ?? "",
        Scope = c.Scope,
        Id = c.ReportId ?? "",
    };
}
