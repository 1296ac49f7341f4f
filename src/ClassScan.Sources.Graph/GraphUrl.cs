using System.Text;

namespace ClassScan.Sources.Graph;

/// <summary>URL pieces for Graph paths.</summary>
internal static class GraphUrl
{
    /// <summary>
    /// Escapes a path segment but keeps the characters RFC 3986 allows in one (drive ids start with "b!",
    /// site ids contain commas); escaping them would break servers that match paths literally.
    /// </summary>
    public static string Segment(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (b < 0x80 && (char.IsAsciiLetterOrDigit(c) || "-._~!$&'()*+,;=:@".Contains(c))) sb.Append(c);
            else sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }
}
