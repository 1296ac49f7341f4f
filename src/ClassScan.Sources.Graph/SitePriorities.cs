using System.Text.RegularExpressions;

namespace ClassScan.Sources.Graph;

/// <summary>
/// Which drives go first: a drive whose web URL matches the n-th glob gets priority n (lower first), the rest come
/// after all of them. A glob is matched against the whole URL, case-insensitively, both as Graph sends it and
/// percent-decoded ("elevh%C3%A4lsa" and "elevhälsa"); '*' is any run of characters (slashes too), '?' one.
/// The defaults put the libraries most likely to hold sensitive personal data first, so a week-long first scan
/// judges them in its first hours: social services, care and disability support, pupil health, schools, HR.
/// </summary>
internal sealed class SitePriorities
{
    /// <summary>Swedish municipal site names as they appear in SharePoint URLs (without å/ä/ö, as site URLs are usually made).</summary>
    public static readonly IReadOnlyList<string> Defaults =
    [
        "*/sites/*social*",      // socialtjänst, socialförvaltning, socialnämnd
        "*/sites/*individ*",     // individ- och familjeomsorg (IFO)
        "*/sites/*omsorg*",      // vård och omsorg, äldreomsorg, omsorgsförvaltning
        "*/sites/*lss*",         // stöd enligt LSS
        "*/sites/*funktionsst*", // funktionsstöd
        "*/sites/*elevh*lsa*",   // elevhälsa (elevhalsa, elevhälsa)
        "*/sites/*skol*",        // skola, grundskola, förskola, skolförvaltning
        "*/sites/*gymnas*",      // gymnasium, gymnasieskola
        "*/sites/*utbildning*",  // barn- och utbildningsförvaltning
        "*/sites/*hr*",          // HR
        "*/sites/*personal*",    // personalavdelning, personalfrågor
    ];

    private readonly Regex[] globs;

    public SitePriorities(IEnumerable<string>? globs) =>
        this.globs = (globs ?? Defaults).Where(g => !string.IsNullOrWhiteSpace(g)).Select(ToRegex).ToArray();

    /// <summary>The priority of a drive: the index of the first glob its URL matches, else the number of globs.</summary>
    public int Of(string? webUrl)
    {
        if (string.IsNullOrEmpty(webUrl)) return globs.Length;
        string decoded;
        try
        {
            decoded = Uri.UnescapeDataString(webUrl);
        }
        catch (UriFormatException)
        {
            decoded = webUrl;
        }
        for (var i = 0; i < globs.Length; i++)
        {
            if (globs[i].IsMatch(webUrl) || globs[i].IsMatch(decoded)) return i;
        }
        return globs.Length;
    }

    private static Regex ToRegex(string glob) =>
        new("^" + Regex.Escape(glob.Trim()).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1));
}
