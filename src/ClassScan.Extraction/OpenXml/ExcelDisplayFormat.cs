using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using NumFmt = global::ExcelNumberFormat.NumberFormat;

namespace ClassScan.Extraction.OpenXml;

/// <summary>
/// Turns a numeric cell value into text as Excel displays it (the ExcelNumberFormat package: sections, conditions,
/// digit templates such as <c>000000-0000</c>, literal text, percent), with three deliberate departures so that
/// detectors see what the cell holds: no grouping separators (digit runs stay contiguous), an integral number
/// whose digits a format would hide (<c>0.00E+00</c> shows a personnummer as 1.98E+11) comes out in full digits,
/// and dates and times come out as ISO 8601 whatever their display format.
/// </summary>
internal static partial class ExcelDisplayFormat
{
    // Built-in format ids (ECMA-376 18.8.30); locale-specific ids 27-36 and 50-58 are East Asian dates.
    private static readonly Dictionary<int, string> BuiltIn = new()
    {
        [0] = "General", [1] = "0", [2] = "0.00", [3] = "#,##0", [4] = "#,##0.00", [9] = "0%", [10] = "0.00%",
        [11] = "0.00E+00", [14] = "yyyy-mm-dd", [15] = "d-mmm-yy", [16] = "d-mmm", [17] = "mmm-yy",
        [18] = "h:mm AM/PM", [19] = "h:mm:ss AM/PM", [20] = "h:mm", [21] = "h:mm:ss", [22] = "yyyy-mm-dd h:mm",
        [37] = "#,##0", [38] = "#,##0", [39] = "#,##0.00", [40] = "#,##0.00", [45] = "mm:ss",
        [46] = "[h]:mm:ss", [47] = "mm:ss.0", [48] = "##0.0E+0", [49] = "@",
    };

    // Invariant, but with no thousands separator: "#,##0" must not split 198112189876 into 198,112,189,876.
    private static readonly CultureInfo Culture = Ungrouped();

    // Parsed formats by code (with the ISO form of a date code, worked out once rather than per cell). A workbook has
    // few distinct codes; the cap keeps a hostile one from growing it.
    private static readonly ConcurrentDictionary<string, ParsedCode?> Parsed = new(StringComparer.Ordinal);
    private const int MaxParsed = 4096;

    private static readonly NumFmt IsoDate = new("yyyy-mm-dd");
    private static readonly NumFmt IsoTime = new("hh:mm:ss");
    private static readonly NumFmt IsoDateTime = new("yyyy-mm-dd hh:mm:ss");

    public static string? BuiltInCode(int id) =>
        BuiltIn.TryGetValue(id, out var code) ? code : id is (>= 27 and <= 36) or (>= 50 and <= 58) ? "yyyy-mm-dd" : null;

    public static string Format(double value, string? formatCode, bool date1904)
    {
        if (double.IsNaN(value) || double.IsInfinity(value) || string.IsNullOrEmpty(formatCode)) return General(value);
        // Most numeric cells are integers in the General format (style 0). General shows an integer's digits, or E
        // notation that HidesDigits turns back into the digits: either way the digits, so the code need not run.
        if (formatCode == "General" && value == Math.Floor(value) && Math.Abs(value) < 1e21)
            return value == 0 ? "0" : General(value);
        if (Parse(formatCode) is not { } parsed) return General(value);
        var format = parsed.Format;
        try
        {
            if (parsed.Iso is { } iso)
            {
                // Outside Excel's calendar (before 1900, after 9999) Excel shows ####; the number is what is there.
                if (value < 0 || value > 2958465) return General(value);
                // A date without time, from 1900-03-01 on (past the 1900 system's fictitious leap day), is the OLE
                // Automation date the package converts it through: the same day without the package's formatter.
                if (ReferenceEquals(iso, IsoDate) && (date1904 || value >= 61))
                    return DateTime.FromOADate(date1904 ? value + 1462 : value).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                return iso.Format(value, Culture, date1904).Trim();
            }
            var text = format.Format(value, Culture, date1904).Trim();
            return HidesDigits(value, text) ? General(value) : text;
        }
        catch (Exception)
        {
            return General(value); // the code comes from the file: whatever it makes the package do, the number stands
        }
    }

    private static ParsedCode? Parse(string code)
    {
        if (Parsed.TryGetValue(code, out var known)) return known;
        ParsedCode? parsed;
        try
        {
            var f = new NumFmt(code);
            parsed = !f.IsValid ? null : new ParsedCode(f, f.IsDateTimeFormat && !f.IsTimeSpanFormat ? IsoFor(code) : null);
        }
        catch (Exception)
        {
            parsed = null; // a code the package cannot read is shown as General, as before
        }
        if (Parsed.Count < MaxParsed) Parsed.TryAdd(code, parsed);
        return parsed;
    }

    /// <summary>The ISO form of a date format: date, time, or both, by the codes outside literals and [..] blocks.</summary>
    private static NumFmt IsoFor(string formatCode)
    {
        var codes = NotCodes().Replace(formatCode.Split(';')[0], "").ToLowerInvariant();
        bool hasTime = codes.Contains('h') || codes.Contains('s');
        bool hasDate = codes.Contains('d') || codes.Contains('y') || (codes.Contains('m') && !hasTime);
        return (hasDate, hasTime) switch
        {
            (true, true) => IsoDateTime,
            (false, true) => IsoTime,
            _ => IsoDate,
        };
    }

    /// <summary>True when a non-zero integral value's digits are not all in the text, in order, once separators are dropped
    /// (811218-9876 keeps 8112189876; 1.98E+11 does not keep 198112189876).</summary>
    private static bool HidesDigits(double value, string text)
    {
        if (value == 0 || value != Math.Floor(value) || Math.Abs(value) >= 1e21) return false;
        var digits = Math.Abs(value).ToString("F0", CultureInfo.InvariantCulture);
        Span<char> shown = stackalloc char[Math.Min(text.Length, 256)];
        int n = 0;
        foreach (var ch in text)
        {
            if (char.IsAsciiDigit(ch) && n < shown.Length) shown[n++] = ch;
        }
        return !shown[..n].Contains(digits, StringComparison.Ordinal);
    }

    private static string General(double value)
    {
        if (Math.Abs(value) < 1e21 && value == Math.Floor(value))
            return value.ToString("F0", CultureInfo.InvariantCulture); // full digits, never E notation
        return value.ToString("G15", CultureInfo.InvariantCulture);
    }

    private static CultureInfo Ungrouped()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberGroupSeparator = "";
        return CultureInfo.ReadOnly(culture);
    }

    /// <summary>A parsed format code and, for a date or time code, the ISO format shown instead.</summary>
    private sealed record ParsedCode(NumFmt Format, NumFmt? Iso);

    /// <summary>Quoted literals, escaped characters and [colour]/[$-locale]/[h] blocks: none of them is a date code.</summary>
    [GeneratedRegex("\"[^\"]*\"|\\\\.|\\[[^\\]]*\\]")]
    private static partial Regex NotCodes();
}
