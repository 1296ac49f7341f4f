using System.Globalization;
using System.Text;

namespace ClassScan.Reporting.Html;

/// <summary>
/// Minimal inline SVG bar charts: no script, no fonts or images to fetch, so the report renders the same
/// offline, in a locked-down mail client or printed. Text is encoded; colours come from the caller's palette.
/// </summary>
internal static class SvgChart
{
    private const int LabelWidth = 230;
    private const int BarArea = 230;
    private const int RowHeight = 26;

    public static string Bars(string title, IReadOnlyList<ChartBar> bars)
    {
        var max = Math.Max(1, bars.Count == 0 ? 1 : bars.Max(b => b.Value));
        var height = Math.Max(1, bars.Count) * RowHeight + 8;
        var sb = Start(title, height);
        for (var i = 0; i < bars.Count; i++)
        {
            var b = bars[i];
            var y = 4 + i * RowHeight;
            var w = b.Value == 0 ? 0 : Math.Max(2, (int)Math.Round(BarArea * (double)b.Value / max));
            Label(sb, b.Label, y);
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y + 3}\" width=\"{w}\" height=\"{RowHeight - 8}\" rx=\"3\" fill=\"{HtmlEscaping.Encode(b.Color)}\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + w + 6}\" y=\"{y + 17}\" class=\"v\">{b.Value.ToString("N0", Swedish)}</text>");
        }
        return sb.Append("</svg>").ToString();
    }

    /// <summary>One stacked bar per row (e.g. a department: must leave + blind spots).</summary>
    public static string Stacked(string title, IReadOnlyList<(string Label, IReadOnlyList<ChartBar> Segments)> rows)
    {
        var max = Math.Max(1, rows.Count == 0 ? 1 : rows.Max(r => r.Segments.Sum(s => s.Value)));
        var height = Math.Max(1, rows.Count) * RowHeight + 8;
        var sb = Start(title, height);
        for (var i = 0; i < rows.Count; i++)
        {
            var (label, segments) = rows[i];
            var y = 4 + i * RowHeight;
            Label(sb, label, y);
            var x = (double)LabelWidth;
            foreach (var s in segments)
            {
                if (s.Value == 0) continue;
                var w = Math.Max(2, BarArea * (double)s.Value / max);
                sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.#}\" y=\"{y + 3}\" width=\"{w:0.#}\" height=\"{RowHeight - 8}\" fill=\"{HtmlEscaping.Encode(s.Color)}\"><title>{HtmlEscaping.Encode(s.Label)}: {s.Value}</title></rect>");
                x += w;
            }
            var total = segments.Sum(s => s.Value);
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 6:0.#}\" y=\"{y + 17}\" class=\"v\">{total.ToString("N0", Swedish)}</text>");
        }
        return sb.Append("</svg>").ToString();
    }

    private static CultureInfo Swedish { get; } = CreateSwedish();

    private static CultureInfo CreateSwedish()
    {
        try { return CultureInfo.GetCultureInfo("sv-SE"); }
        catch (CultureNotFoundException) { return CultureInfo.InvariantCulture; }
    }

    private static StringBuilder Start(string title, int height)
    {
        var sb = new StringBuilder();
        var width = LabelWidth + BarArea + 70;
        sb.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"chart\" role=\"img\" aria-label=\"{HtmlEscaping.Encode(title)}\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\">");
        sb.Append("<title>").Append(HtmlEscaping.Encode(title)).Append("</title>");
        return sb;
    }

    private static void Label(StringBuilder sb, string label, int y) =>
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 8}\" y=\"{y + 17}\" text-anchor=\"end\" class=\"l\">{HtmlEscaping.Encode(HtmlEscaping.Shorten(label, 30))}</text>");
}
