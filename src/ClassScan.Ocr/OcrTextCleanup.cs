using System.Text;
using System.Text.RegularExpressions;

namespace ClassScan.Ocr;

/// <summary>
/// Repairs the two kinds of OCR noise that hide an identity number from the personnummer detector, whose rule stays
/// as it is (a checksum decides there, not here): letters read for digits inside a digit group ("19l2l2l2" →
/// "19121212"), and digit groups split by spaces around or before the dash ("19121212 - 1212", "1912 1212-1212" →
/// "19121212-1212"). Only ever changes a character that OCR confuses with a digit, and only when digits stand on both
/// sides of it, and only ever removes spaces or normalises a dash between digit groups shaped like a personnummer:
/// it never adds a digit, so a number that was not on the page cannot appear, and a wrong repair fails the checksum.
/// For OCR text only (a typed "1O" in a text layer is what the author wrote). Pure and thread-safe.
/// </summary>
internal static partial class OcrTextCleanup
{
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return JoinSplitGroups(FixConfusables(text));
    }

    /// <summary>
    /// O/o → 0, l/I/| → 1, S → 5, B → 8 in a run of at most two such characters with a digit right before and right
    /// after it ("1O0", "19l2l2", "2OO1"): a word ("OS", "BIB") has no digits around it and keeps its letters.
    /// </summary>
    internal static string FixConfusables(string text)
    {
        if (text.Length < 3) return text;
        StringBuilder? sb = null;
        var i = 0;
        while (i < text.Length)
        {
            if (!IsConfusable(text[i]) || i == 0 || !char.IsAsciiDigit(text[i - 1]))
            {
                i++;
                continue;
            }
            var end = i;
            while (end < text.Length && IsConfusable(text[end])) end++;
            var run = end - i;
            if (run <= 2 && end < text.Length && char.IsAsciiDigit(text[end]))
            {
                sb ??= new StringBuilder(text);
                for (var k = i; k < end; k++) sb[k] = AsDigit(text[k]);
            }
            i = end;
        }
        return sb?.ToString() ?? text;
    }

    /// <summary>
    /// A date part of 6 or 8 digits written in groups ("1912 1212", "19 12 12 12"), a dash or plus with spaces around
    /// it, and a 4-digit tail that may be split too: joined to "19121212-1212". The groups must be digits only and
    /// add up exactly; a longer run before or after is left alone (it is not one number).
    /// </summary>
    internal static string JoinSplitGroups(string text) =>
        SplitNumber().Replace(text, m =>
        {
            var date = m.Groups["date"].Value.Replace(" ", "", StringComparison.Ordinal);
            var tail = m.Groups["tail"].Value.Replace(" ", "", StringComparison.Ordinal);
            var sep = m.Groups["sep"].Value == "+" ? "+" : "-";
            return date + sep + tail;
        });

    private static bool IsConfusable(char c) => c is 'O' or 'o' or 'l' or 'I' or '|' or 'S' or 'B';

    private static char AsDigit(char c) => c switch
    {
        'O' or 'o' => '0',
        'l' or 'I' or '|' => '1',
        'S' => '5',
        'B' => '8',
        _ => c,
    };

    // date: 8 or 6 digits with single spaces allowed between them; not preceded by a digit (or a digit and a space);
    // sep: a dash (any of OCR's dashes) or plus with up to two spaces either side; tail: 4 digits, single spaces
    // allowed, not followed by another digit (or a space and a digit).
    [GeneratedRegex(@"(?<![0-9] ?)(?<date>[0-9](?: ?[0-9]){7}|[0-9](?: ?[0-9]){5})(?! ?[0-9]) {0,2}(?<sep>[-+\u2010\u2011\u2012\u2013\u2014]) {0,2}(?<tail>[0-9](?: ?[0-9]){3})(?! ?[0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex SplitNumber();
}
