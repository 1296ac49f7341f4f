using System.Globalization;
using System.Text;

namespace ClassScan.Extraction.Text;

/// <summary>
/// Turns XML into text without an XML parser, so no DTD is processed, no entity is expanded (billion laughs)
/// and nothing external is resolved (XXE): markup is removed, element and attribute values are kept one per
/// line (data often sits in attributes), the predefined and numeric character references are decoded and any
/// other entity reference is left as written. Works on malformed XML too. The DOCTYPE, including its internal
/// subset, and processing instructions are dropped; comments and CDATA are kept as text.
/// </summary>
internal static class XmlTagStripper
{
    public static string Strip(string xml, CancellationToken ct)
    {
        var sb = new StringBuilder(xml.Length / 2);
        int i = 0;
        int steps = 0;
        while (i < xml.Length)
        {
            if ((++steps & 0xFFFF) == 0) ct.ThrowIfCancellationRequested();
            int lt = xml.IndexOf('<', i);
            if (lt < 0)
            {
                AppendText(sb, xml.AsSpan(i));
                break;
            }
            AppendText(sb, xml.AsSpan(i, lt - i));
            if (Starts(xml, lt, "<!--"))
            {
                i = Until(xml, lt + 4, "-->", out var comment);
                Separate(sb);
                AppendText(sb, comment);
                Separate(sb);
            }
            else if (Starts(xml, lt, "<![CDATA["))
            {
                i = Until(xml, lt + 9, "]]>", out var data);
                Separate(sb);
                sb.Append(data);
                Separate(sb);
            }
            else if (Starts(xml, lt, "<?"))
            {
                i = Until(xml, lt + 2, "?>", out _);
            }
            else if (Starts(xml, lt, "<!"))
            {
                i = SkipDeclaration(xml, lt + 2);
            }
            else
            {
                i = Tag(xml, lt + 1, sb);
            }
        }
        return sb.ToString();
    }

    private static bool Starts(string s, int at, string prefix) =>
        string.CompareOrdinal(s, at, prefix, 0, prefix.Length) == 0;

    private static int Until(string s, int from, string end, out ReadOnlySpan<char> inner)
    {
        int e = s.IndexOf(end, from, StringComparison.Ordinal);
        if (e < 0)
        {
            inner = s.AsSpan(from);
            return s.Length;
        }
        inner = s.AsSpan(from, e - from);
        return e + end.Length;
    }

    /// <summary>Skips &lt;!DOCTYPE ...[ internal subset ]&gt; and similar, honouring brackets and quotes.</summary>
    private static int SkipDeclaration(string s, int i)
    {
        int depth = 0;
        char quote = '\0';
        for (; i < s.Length; i++)
        {
            char c = s[i];
            if (quote != '\0')
            {
                if (c == quote) quote = '\0';
            }
            else if (c is '"' or '\'') quote = c;
            else if (c == '[') depth++;
            else if (c == ']') depth = Math.Max(0, depth - 1);
            else if (c == '>' && depth == 0) return i + 1;
        }
        return s.Length;
    }

    /// <summary>Reads a start/end tag; attribute values (except namespace declarations) become lines.</summary>
    private static int Tag(string s, int i, StringBuilder sb)
    {
        Separate(sb);
        int nameStart = -1;
        string? attrName = null;
        for (; i < s.Length; i++)
        {
            char c = s[i];
            if (c == '>') return i + 1;
            if (c is '"' or '\'')
            {
                int end = s.IndexOf(c, i + 1);
                if (end < 0) end = s.Length;
                if (attrName is not null && !attrName.StartsWith("xmlns", StringComparison.Ordinal))
                {
                    AppendText(sb, s.AsSpan(i + 1, end - i - 1));
                    Separate(sb);
                }
                attrName = null;
                i = end;
            }
            else if (c == '=')
            {
                if (nameStart >= 0) attrName = s[nameStart..i].Trim();
                nameStart = -1;
            }
            else if (char.IsWhiteSpace(c) || c == '/')
            {
                if (nameStart >= 0 && attrName is null) attrName = s[nameStart..i];
                nameStart = -1;
            }
            else if (nameStart < 0)
            {
                nameStart = i;
                attrName = null;
            }
        }
        return s.Length;
    }

    private static void Separate(StringBuilder sb)
    {
        if (sb.Length > 0 && sb[^1] != '\n') sb.Append('\n');
    }

    /// <summary>Appends text with character references decoded; whitespace-only text between tags is dropped.</summary>
    private static void AppendText(StringBuilder sb, ReadOnlySpan<char> text)
    {
        if (text.IsWhiteSpace()) return;
        text = text.Trim();
        int i = 0;
        while (i < text.Length)
        {
            int amp = text[i..].IndexOf('&');
            if (amp < 0)
            {
                sb.Append(text[i..]);
                return;
            }
            sb.Append(text.Slice(i, amp));
            i += amp;
            int semi = text[i..].IndexOf(';');
            if (semi < 0 || semi > 12)
            {
                sb.Append('&');
                i++;
                continue;
            }
            var entity = text.Slice(i + 1, semi - 1);
            string? decoded = entity switch
            {
                "lt" => "<",
                "gt" => ">",
                "amp" => "&",
                "quot" => "\"",
                "apos" => "'",
                _ => NumericReference(entity),
            };
            if (decoded is null)
            {
                sb.Append('&'); // an undeclared or DTD entity stays as written: never expanded
                i++;
            }
            else
            {
                sb.Append(decoded);
                i += semi + 1;
            }
        }
    }

    private static string? NumericReference(ReadOnlySpan<char> entity)
    {
        if (entity.Length < 2 || entity[0] != '#') return null;
        bool hex = entity[1] is 'x' or 'X';
        var digits = hex ? entity[2..] : entity[1..];
        if (!int.TryParse(digits, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out int cp)) return null;
        if (cp is < 1 or > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return null;
        return char.ConvertFromUtf32(cp);
    }
}
