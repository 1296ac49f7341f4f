using System.Text;
using SharpCompress.Common;

namespace ClassScan.Extraction.Archive;

/// <summary>
/// Entry names as a reviewer reads them. Decoding: a zip entry with the UTF-8 flag (general purpose bit 11) is
/// UTF-8; without it the zip specification (APPNOTE 4.4.17) says IBM code page 437, except that names which are valid
/// UTF-8 with non-ASCII bytes are read as UTF-8, since macOS and many Unix tools write UTF-8 without setting the flag,
/// and a CP437 name almost never happens to be valid UTF-8. Normalising: names are never used as file paths (nothing is
/// written to disk), so a zip-slip name ("../../x") or an absolute one ("/x", "C:/x") is only shown, in a plain form.
/// </summary>
internal static class EntryNames
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>IBM PC code page 437, the zip format's default for names.</summary>
    public static Encoding Cp437 { get; } = CodePagesEncodingProvider.Instance.GetEncoding(437)
        ?? throw new InvalidOperationException("code page 437 is not available");

    /// <summary>The zip name encoding: UTF-8 when flagged or valid, otherwise CP437.</summary>
    public static ArchiveEncoding Zip { get; } = new()
    {
        Default = Cp437,
        UTF8 = Encoding.UTF8,
        CustomDecoder = DecodeZip,
    };

    /// <summary>Tar and gzip names carry no encoding; today's tools write UTF-8 (7z names are UTF-16 by format).</summary>
    public static ArchiveEncoding Utf8 { get; } = new() { Default = Encoding.UTF8, UTF8 = Encoding.UTF8 };

    internal static string DecodeZip(byte[] bytes, int start, int length, EncodingType type)
    {
        if (type == EncodingType.UTF8) return Encoding.UTF8.GetString(bytes, start, length);
        var span = bytes.AsSpan(start, length);
        if (!System.Text.Ascii.IsValid(span))
        {
            try
            {
                return StrictUtf8.GetString(span);
            }
            catch (DecoderFallbackException)
            {
                // not UTF-8: the specification's code page
            }
        }
        return Cp437.GetString(span);
    }

    /// <summary>
    /// '/' separators, no drive letter, no leading '/', no "." segments, ".." resolved inside the archive (never above
    /// its root), control characters dropped. Empty for a name that is nothing but separators.
    /// </summary>
    public static string Normalise(string? name)
    {
        if (string.IsNullOrEmpty(name)) return "";
        var clean = new StringBuilder(name.Length);
        foreach (var ch in name)
            if (!char.IsControl(ch)) clean.Append(ch == '\\' ? '/' : ch);
        var text = clean.ToString();
        if (text.Length >= 2 && char.IsAsciiLetter(text[0]) && text[1] == ':') text = text[2..];
        var parts = new List<string>();
        foreach (var part in text.Split('/'))
        {
            if (part.Length == 0 || part == ".") continue;
            if (part == "..")
            {
                if (parts.Count > 0) parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(part);
        }
        return string.Join('/', parts);
    }

    /// <summary>
    /// The one file inside a gzip named after the gzip (<c>logg.txt.gz</c> → <c>logg.txt</c>, <c>a.tgz</c> →
    /// <c>a.tar</c>); the name stored in the gzip header when the container's name is unknown or has no suffix.
    /// </summary>
    public static string GZipMember(string? containerName, string? headerName)
    {
        var name = Path.GetFileName(containerName ?? "");
        if (name.EndsWith(".tgz", StringComparison.OrdinalIgnoreCase)) return name[..^4] + ".tar";
        foreach (var suffix in (string[])[".gz", ".gzip", "-gz", ".z"])
            if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) return name[..^suffix.Length];
        var header = Normalise(headerName);
        if (header.Length > 0) return header;
        return name.Length > 0 ? name : UnnamedMember;
    }

    /// <summary>The name of a gzip's file when neither the gzip nor its header names it.</summary>
    public const string UnnamedMember = "innehåll";
}
