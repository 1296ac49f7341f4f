using ClassScan.Core.Scanning;

namespace ClassScan.Reporting;

/// <summary>What a person should do with a file the scanner could not judge (a blind spot).</summary>
public static class ReviewAdvice
{
    /// <summary>For a file the classifier suspects without evidence: it stays in M365 unless a person finds otherwise.</summary>
    public const string ForSuspicion = "Ingen bevisning hittades, men texten liknar konfidentiellt material: läs igenom filen; flytta den från M365 om den innehåller uppgifter om enskilda, sekretess eller hemliga värden.";

    public static string For(ScanStatus status) => status switch
    {
        ScanStatus.Encrypted => "Öppna filen med lösenordet och bedöm den manuellt, eller be ägaren ta bort skyddet; krypterade filer kan innehålla vad som helst.",
        ScanStatus.NoText => "Skannad eller bildbaserad: granska manuellt (eller kör OCR) innan filen får ligga kvar.",
        ScanStatus.Unsupported => "Formatet läses inte av skannern: granska manuellt, eller spara om i ett modernt format (docx/xlsx/pdf).",
        ScanStatus.Error => "Filen kunde inte läsas helt: kontrollera om den är trasig; granska manuellt eller ta bort den.",
        _ => "",
    };
}
