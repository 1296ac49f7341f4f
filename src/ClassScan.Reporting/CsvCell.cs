using System.Globalization;

namespace ClassScan.Reporting;

/// <summary>
/// Keeps a report cell from starting a formula in Excel or LibreOffice (CSV/formula injection): file, folder,
/// site and drive names and Graph display names are chosen by whoever can create a file, and a cell such as
/// <c>=HYPERLINK("http://x","klick")</c> or <c>+cmd|' /C calc'!A0</c> would run when a reviewer opens the CSV.
/// <para>
/// OWASP's rule: a cell that begins with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage return gets a
/// leading apostrophe, so the spreadsheet shows text. Stricter than OWASP (and than CsvHelper's own Escape, which
/// looks only at the first character): leading whitespace or invisible format characters (space, no-break and
/// ideographic space, line feed, zero-width space, BOM) are skipped before looking, and the full-width forms
/// ＝ ＋ － ＠ count too, because spreadsheets and their import dialogs trim or normalise such input in ways that
/// differ between products and versions (LibreOffice 7.4 runs none of these; Excel could not be tried). A cell that already begins with apostrophes followed by such a
/// start gets one more, so <see cref="Restore"/> gives back exactly the value that was written.
/// </para>
/// </summary>
internal static class CsvCell
{
    /// <summary>The prefix that makes a spreadsheet read the cell as text.</summary>
    public const char TextPrefix = '\'';

    /// <summary>The value as it must be written: unchanged, or with <see cref="TextPrefix"/> in front.</summary>
    public static string? Neutralise(string? value) =>
        value is { Length: > 0 } && NeedsPrefix(value) ? TextPrefix + value : value;

    /// <summary>Undoes <see cref="Neutralise"/>: the value a reader of our own CSV must compare with.</summary>
    public static string Restore(string value) =>
        value.Length > 1 && value[0] == TextPrefix && NeedsPrefix(value.AsSpan(1)) ? value[1..] : value;

    /// <summary>True when a spreadsheet could take the value for a formula, or it is an escaped one.</summary>
    public static bool NeedsPrefix(ReadOnlySpan<char> value)
    {
        // Apostrophes already in front: escape again when what follows is dangerous, so Restore is exact.
        var i = 0;
        while (i < value.Length && value[i] == TextPrefix) i++;
        var rest = value[i..];
        if (rest.IsEmpty) return false;
        if (rest[0] is '\t' or '\r') return true; // OWASP: these start a cell that Excel may re-read as a formula
        var j = 0;
        while (j < rest.Length && (char.IsWhiteSpace(rest[j]) || CharUnicodeInfo.GetUnicodeCategory(rest[j]) == UnicodeCategory.Format)) j++;
        return j < rest.Length && rest[j] is '=' or '+' or '-' or '@' or '＝' or '＋' or '－' or '＠';
    }
}
