using ClassScan.Core.Classification;
using ClassScan.Core.Scanning;

namespace ClassScan.Reporting;

/// <summary>
/// Every word a person reads about a file in the reports: its level, why, and what to do, in plain Swedish. The one
/// home of these texts, so review.csv, the department files and rapport.html give the same situation the same advice,
/// which reviewers filter on in Excel. Chosen by level and status only.
/// </summary>
internal static class ReviewerText
{
    /// <summary>Action word that starts every action cell ("Åtgärd", review.csv's action): filterable in Excel.</summary>
    public const string Move = "Flytta";
    public const string Review = "Granska manuellt";
    public const string DeleteOrReview = "Ta bort eller granska manuellt";

    /// <summary>For a file the classifier suspects without evidence: it stays in M365 unless a person finds otherwise.</summary>
    public const string ForSuspicion = $"{Review}: ingen bevisning hittades, men texten liknar konfidentiellt material. Läs igenom filen och flytta den från M365 om den innehåller uppgifter om enskilda, sekretess eller hemliga värden.";

    public static string Level(KlassaLevel? level) => level switch
    {
        KlassaLevel.StriktKonfidentiell => "3 – strikt konfidentiell",
        KlassaLevel.Konfidentiell => "2 – konfidentiell",
        KlassaLevel.Intern => "1 – intern",
        KlassaLevel.Oppen => "0 – öppen",
        _ => "ej bedömd",
    };

    /// <summary>
    /// results.csv's reason: the classification reason with the notes about parts not read, or for a file that could
    /// not be judged the cause, so every row explains itself.
    /// </summary>
    public static string Reason(ScanResult r) =>
        r.Classification is { } c ? Noted(c.Reason, r.StatusDetail) : r.StatusDetail ?? "";

    /// <summary>The department files' reason: as <see cref="Reason"/>, but a blind spot says in words what kept the scanner out.</summary>
    public static string Why(ScanResult r)
    {
        if (r.Classification is not null) return Reason(r);
        var what = "Kunde inte läsas (" + Cause(r.Status) + ")";
        return r.StatusDetail is { Length: > 0 } detail ? $"{what}: {detail}" : what;
    }

    /// <summary>What to do with the file; empty for a judged file that may stay and carries no suspicion.</summary>
    public static string Action(ScanResult r) =>
        r.Status != ScanStatus.Ok || r.MustLeave ? Action(r.Status, r.Classification?.Level)
        : r.Classification?.Review is not null ? ForSuspicion
        : "";

    /// <summary>What to do with a file of this status (and level, when judged): the advice for a whole group of files.</summary>
    public static string Action(ScanStatus status, KlassaLevel? level = null) => status switch
    {
        ScanStatus.Ok when level == KlassaLevel.StriktKonfidentiell => $"{Move} till godkänd lagring utanför M365 snarast (strikt konfidentiell), och ta bort kopian i M365. Ta bort filen helt om den får gallras.",
        ScanStatus.Ok => $"{Move} till godkänd lagring utanför M365 och ta bort kopian i M365, eller ta bort filen om den får gallras.",
        ScanStatus.Encrypted => $"{Review}: öppna filen med lösenordet och bedöm den, eller be ägaren ta bort skyddet. Flytta den om den innehåller känsliga uppgifter.",
        ScanStatus.NoText => $"{Review}: filen är skannad eller en bild. Titta på den (eller kör OCR) och flytta den om den innehåller känsliga uppgifter.",
        ScanStatus.Unsupported => $"{Review}: öppna och bedöm filen, eller spara om den som docx, xlsx eller pdf så läses den vid nästa körning.",
        _ => $"{DeleteOrReview}: ta bort filen om den är trasig och inte behövs; annars öppna och bedöm den.",
    };

    /// <summary>Why a blind spot could not be read, in a few words.</summary>
    public static string Cause(ScanStatus status) => status switch
    {
        ScanStatus.NoText => "skannad eller bild utan text",
        ScanStatus.Encrypted => "lösenordsskyddad eller krypterad",
        ScanStatus.Unsupported => "formatet läses inte av skannern",
        _ => "trasig, för stor eller tog för lång tid",
    };

    /// <summary>Files a department must act on: must leave M365, or could not be judged at all.</summary>
    public static bool NeedsAction(ScanResult r) => r.MustLeave || r.Status != ScanStatus.Ok;

    /// <summary>True when a person should look at the file (review.csv): not judged, or judged with a suspicion.</summary>
    public static bool NeedsReview(ScanResult r) => r.Status != ScanStatus.Ok || r.Classification?.Review is not null;

    /// <summary>Sort key: level 3 first, then 2, then blind spots; the path breaks ties.</summary>
    public static int Rank(ScanResult r) => r.Classification?.Level switch
    {
        KlassaLevel.StriktKonfidentiell => 0,
        KlassaLevel.Konfidentiell => 1,
        _ when r.Status != ScanStatus.Ok => 2,
        _ => 3,
    };

    // "reason (obs: note)": the one place the notes about parts not read are attached to a verdict.
    private static string Noted(string reason, string? note) => note is { Length: > 0 } ? $"{reason} (obs: {note})" : reason;
}
