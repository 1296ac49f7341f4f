using System.Text;

namespace ClassScan.Extraction.OpenXml;

/// <summary>Removes Excel header/footer formatting codes (&amp;L, &amp;"Arial,Bold", &amp;12, &amp;P...).</summary>
internal static class ExcelHeaderFooter
{
    public static string StripCodes(string s)
    {
        if (!s.Contains('&')) return s;
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] != '&' || i + 1 >= s.Length)
            {
                sb.Append(s[i]);
                continue;
            }
            char next = s[i + 1];
            if (next == '&')
            {
                sb.Append('&');
                i++;
            }
            else if (next == '"')
            {
                int end = s.IndexOf('"', i + 2);
                i = end < 0 ? s.Length : end;
            }
            else if (char.IsDigit(next))
            {
                i++;
                while (i + 1 < s.Length && char.IsDigit(s[i + 1])) i++;
            }
            else
            {
                // &L &C &R start a new section: keep the sections apart; other codes (&P, &D, &B...) vanish.
                if (next is 'L' or 'C' or 'R' && sb.Length > 0 && !char.IsWhiteSpace(sb[^1])) sb.Append(' ');
                i++;
            }
        }
        return sb.ToString();
    }
}
