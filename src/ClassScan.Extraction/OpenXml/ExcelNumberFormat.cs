using System.Globalization;
using System.Text;

namespace ClassScan.Extraction.OpenXml;

/// <summary>
/// Turns a numeric cell value into text roughly as Excel displays it, for the cases detectors care about:
/// integral numbers in full digits (a personnummer stored as 198112189876 must not become 1.98112E+11),
/// zero-padded digit templates such as <c>000000-0000</c>, dates as ISO 8601, fixed decimals and percent.
/// Anything else falls back to the general format. No grouping separators, so digit runs stay contiguous.
/// </summary>
internal static class ExcelNumberFormat
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

    public static string? BuiltInCode(int id) =>
        BuiltIn.TryGetValue(id, out var code) ? code : id is (>= 27 and <= 36) or (>= 50 and <= 58) ? "yyyy-mm-dd" : null;

    public static string Format(double value, string? formatCode, bool date1904)
    {
        if (double.IsNaN(value) || double.IsInfinity(value)) return General(value);
        if (string.IsNullOrEmpty(formatCode)) return General(value);

        var sections = SplitSections(formatCode);
        var section = sections[0];
        bool negative = value < 0;
        if (negative && sections.Count > 1)
        {
            section = sections[1];
            value = -value;
            negative = false;
        }
        else if (value == 0 && sections.Count > 2)
        {
            section = sections[2];
        }

        var core = Strip(section, out bool hasLiteralText);
        if (IsDate(core)) return FormatDate(value, core, date1904) ?? General(value);
        if (core.Contains('E') || core.Contains('e') || core.Contains('/') || core.Contains('?')) return General(value);
        if (core.Contains('%')) return Fixed(value * 100, Decimals(core)) + "%";
        if (core.Contains('.')) return Fixed(value, Decimals(core));
        if (!hasLiteralText && core.Trim() is "0" or "#,##0" or "#" or "General" or "@" or "") return General(value);
        return Template(value, core, negative) ?? General(value);
    }

    private static string General(double value)
    {
        if (Math.Abs(value) < 1e21 && value == Math.Floor(value))
            return value.ToString("F0", CultureInfo.InvariantCulture); // full digits, never E notation
        return value.ToString("G15", CultureInfo.InvariantCulture);
    }

    private static string Fixed(double value, int decimals) =>
        value.ToString("F" + Math.Clamp(decimals, 0, 15), CultureInfo.InvariantCulture);

    private static int Decimals(string core)
    {
        int dot = core.IndexOf('.');
        if (dot < 0) return 0;
        int n = 0;
        for (int i = dot + 1; i < core.Length && core[i] is '0' or '#'; i++) n++;
        return n;
    }

    /// <summary>
    /// Applies a digit template like <c>000000-0000</c> or <c>00000</c> to an integral value: digits fill the
    /// placeholders from the right, <c>0</c> pads with zeros, surplus digits go to the leftmost placeholder.
    /// </summary>
    private static string? Template(double value, string core, bool negative)
    {
        if (value != Math.Floor(value) || Math.Abs(value) >= 1e21) return null;
        var template = core.Replace(",", "", StringComparison.Ordinal);
        int zeros = 0;
        foreach (var ch in template)
        {
            if (ch == '0') zeros++;
            else if (ch != '#' && char.IsLetterOrDigit(ch)) return null; // unknown code letters: stay general
        }
        var digits = Math.Abs(value).ToString("F0", CultureInfo.InvariantCulture);
        if (digits == "0" && zeros == 0) digits = "";
        if (digits.Length < zeros) digits = new string('0', zeros - digits.Length) + digits;

        var result = new StringBuilder();
        int next = digits.Length - 1;
        int firstPlaceholder = template.IndexOfAny(['0', '#']);
        for (int i = template.Length - 1; i >= 0; i--)
        {
            char ch = template[i];
            if (ch is '0' or '#')
            {
                if (i == firstPlaceholder)
                {
                    result.Insert(0, digits[..(next + 1)]);
                    next = -1;
                }
                else if (next >= 0)
                {
                    result.Insert(0, digits[next--]);
                }
            }
            else
            {
                result.Insert(0, ch);
            }
        }
        if (negative) result.Insert(0, '-');
        return result.ToString().Trim();
    }

    private static string? FormatDate(double serial, string core, bool date1904)
    {
        if (serial < 0 || serial > 2958465) return null;
        var lower = core.ToLowerInvariant();
        bool hasTime = lower.Contains('h') || lower.Contains('s');
        bool hasDate = lower.Contains('d') || lower.Contains('y') || (lower.Contains('m') && !hasTime);
        if (lower.Contains("[h]") || lower.Contains("[m]") || lower.Contains("[s]")) return null; // durations
        // Serial 60 is Excel's phantom 1900-02-29; the 1899-12-30 epoch is right for every date after it.
        var epoch = date1904 ? new DateTime(1904, 1, 1) : new DateTime(1899, 12, 30);
        if (!date1904 && serial < 61) epoch = epoch.AddDays(1);
        var dt = epoch.AddDays(Math.Floor(serial)).AddSeconds(Math.Round((serial - Math.Floor(serial)) * 86400));
        var format = (hasDate, hasTime) switch
        {
            (true, true) => "yyyy-MM-dd HH:mm:ss",
            (false, true) => "HH:mm:ss",
            _ => "yyyy-MM-dd",
        };
        return dt.ToString(format, CultureInfo.InvariantCulture);
    }

    private static bool IsDate(string core)
    {
        if (core.Equals("General", StringComparison.OrdinalIgnoreCase)) return false;
        foreach (var ch in core)
            if (ch is 'd' or 'D' or 'm' or 'M' or 'y' or 'Y' or 'h' or 'H' or 's' or 'S') return true;
        return false;
    }

    /// <summary>Removes quoted text, escapes, [colour]/[$-locale] blocks and padding codes; keeps [h]-style.</summary>
    private static string Strip(string section, out bool hasLiteralText)
    {
        hasLiteralText = false;
        var sb = new StringBuilder(section.Length);
        for (int i = 0; i < section.Length; i++)
        {
            char ch = section[i];
            switch (ch)
            {
                case '"':
                    int end = section.IndexOf('"', i + 1);
                    var literal = end < 0 ? section[(i + 1)..] : section[(i + 1)..end];
                    if (literal.Any(char.IsLetterOrDigit)) hasLiteralText = true;
                    if (!literal.Any(char.IsLetterOrDigit)) sb.Append(literal); // keep "-" separators for templates
                    i = end < 0 ? section.Length : end;
                    break;
                case '\\' when i + 1 < section.Length:
                    if (char.IsLetterOrDigit(section[i + 1])) hasLiteralText = true;
                    else sb.Append(section[i + 1]);
                    i++;
                    break;
                case '_' or '*' when i + 1 < section.Length:
                    i++;
                    break;
                case '[':
                    int close = section.IndexOf(']', i + 1);
                    var inner = close < 0 ? "" : section[(i + 1)..close];
                    if (inner.ToLowerInvariant() is "h" or "hh" or "m" or "mm" or "s" or "ss") sb.Append('[').Append(inner).Append(']');
                    i = close < 0 ? section.Length : close;
                    break;
                default:
                    sb.Append(ch);
                    break;
            }
        }
        return sb.ToString();
    }

    private static List<string> SplitSections(string code)
    {
        var list = new List<string>();
        int start = 0;
        bool quoted = false;
        for (int i = 0; i < code.Length; i++)
        {
            if (code[i] == '"') quoted = !quoted;
            else if (code[i] == '\\') i++;
            else if (code[i] == ';' && !quoted)
            {
                list.Add(code[start..i]);
                start = i + 1;
            }
        }
        list.Add(code[start..]);
        return list;
    }
}
