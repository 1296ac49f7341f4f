using System.Text;

namespace ClassScan.Reporting.Html;

/// <summary>
/// Encodes text for HTML element content and quoted attributes. File names and reasons come from documents and
/// are attacker-chosen, so every character that can open markup is encoded and control characters (which
/// would also make the file malformed) are dropped. åäö pass through unchanged so the source stays readable.
/// </summary>
internal static class HtmlEscaping
{
    public static string Encode(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                case '\t' or '\n' or '\r': sb.Append(' '); break;
                default:
                    if (char.IsControl(c) || c is '\uFFFE' or '\uFFFF') break;
                    sb.Append(c);
                    break;
            }
        }
        return sb.ToString();
    }

    /// <summary>Shortens long labels (deep paths) for charts, keeping the end where the file name is.</summary>
    public static string Shorten(string text, int max) =>
        text.Length <= max ? text : "…" + text[^(max - 1)..];
}
