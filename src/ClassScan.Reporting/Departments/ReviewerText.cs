using ClassScan.Core.Classification;
using ClassScan.Core.Scanning;

namespace ClassScan.Reporting.Departments;

/// <summary>
/// The words a department reviewer reads in Excel: the level, why, and what to do, in plain Swedish.
/// Chosen by level and status so the same situation always gets the same advice (and can be filtered on).
/// </summary>
public static class ReviewerText
{
    /// <summary>Action word that starts every "Åtgärd" cell: filterable in Excel.</summary>
    public const string Move = "Flytta";
    public const string Review = "Granska manuellt";
    public const string DeleteOrReview = "Ta bort eller granska manuellt";

    public static string Level(ScanResult r) => r.Classification?.Level switch
    {
        KlassaLevel.StriktKonfidentiell => "3 – strikt konfidentiell",
        KlassaLevel.Konfidentiell => "2 – konfidentiell",
        KlassaLevel.Intern => "1 – intern",
        KlassaLevel.Oppen => "0 – öppen",
        _ => "ej bedömd",
    };

    /// <summary>The classification reason (already Swedish), or for a blind spot what kept the scanner out.</summary>
    public static string Why(ScanResult r)
    {
        if (r.Classification is { } c)
            return r.StatusDetail is { Length: > 0 } note ? $"{c.Reason} (obs: {note})" : c.Reason;
        var what = "Kunde inte läsas (" + Cause(r.Status) + ")";
        return r.StatusDetail is { Length: > 0 } detail ? $"{what}: {detail}" : what;
    }

    public static string Action(ScanResult r)
    {
        if (r.Status == ScanStatus.Ok)
        {
            return r.Classification?.Level == KlassaLevel.StriktKonfidentiell
                ? $"{Move} till godkänd lagring utanför M365 snarast (strikt konfidentiell), och ta bort kopian i M365. Ta bort filen helt om den får gallras."
                : $"{Move} till godkänd lagring utanför M365 och ta bort kopian i M365, eller ta bort filen om den får gallras.";
        }
        return r.Status switch
        {
            ScanStatus.Encrypted => $"{Review}: öppna filen med lösenordet och bedöm den, eller be ägaren ta bort skyddet. Flytta den om den innehåller känsliga uppgifter.",
            ScanStatus.NoText => $"{Review}: filen är skannad eller en bild. Titta på den (eller kör OCR) och flytta den om den innehåller känsliga uppgifter.",
            ScanStatus.Unsupported => $"{Review}: öppna och bedöm filen, eller spara om den som docx, xlsx eller pdf så läses den vid nästa körning.",
            _ => $"{DeleteOrReview}: ta bort filen om den är trasig och inte behövs; annars öppna och bedöm den.",
        };
    }

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

    /// <summary>Sort key: level 3 first, then 2, then blind spots; the path breaks ties.</summary>
    public static int Rank(ScanResult r) => r.Classification?.Level switch
    {
        KlassaLevel.StriktKonfidentiell => 0,
        KlassaLevel.Konfidentiell => 1,
        _ when r.Status != ScanStatus.Ok => 2,
        _ => 3,
    };
}
