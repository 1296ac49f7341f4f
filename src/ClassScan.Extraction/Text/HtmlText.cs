using System.Text;
using HtmlAgilityPack;

namespace ClassScan.Extraction.Text;

/// <summary>
/// HTML to text with HtmlAgilityPack: script/style/template dropped, entities decoded, block elements as
/// newlines, table cells as tabs, whitespace collapsed outside &lt;pre&gt;. Walks the tree with an explicit
/// stack, so deeply nested markup cannot overflow the call stack.
/// </summary>
internal static class HtmlText
{
    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "svg", "math", "object", "embed", "iframe", "head",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "tr", "table", "thead", "tbody", "tfoot", "caption",
        "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "header", "footer", "nav", "aside", "main",
        "blockquote", "pre", "hr", "address", "figure", "figcaption", "form", "fieldset", "legend", "details",
        "summary", "title", "body", "html",
    };

    public static (string? Title, string Text) Convert(string html, CancellationToken ct)
    {
        var doc = new HtmlDocument { OptionMaxNestedChildNodes = 10_000 };
        doc.LoadHtml(html);
        ct.ThrowIfCancellationRequested();

        string? title = null;
        var sb = new StringBuilder(html.Length / 2);
        var stack = new Stack<(HtmlNode Node, bool Exit)>();
        stack.Push((doc.DocumentNode, false));
        int pre = 0;
        int steps = 0;
        while (stack.Count > 0)
        {
            if ((++steps & 0xFFFF) == 0) ct.ThrowIfCancellationRequested();
            var (node, exit) = stack.Pop();
            var name = node.Name;
            if (exit)
            {
                if (name.Equals("pre", StringComparison.OrdinalIgnoreCase)) pre--;
                if (name is "td" or "th") sb.Append('\t');
                else if (Blocks.Contains(name)) NewLine(sb);
                continue;
            }
            switch (node.NodeType)
            {
                case HtmlNodeType.Text:
                    AppendText(sb, HtmlEntity.DeEntitize(((HtmlTextNode)node).Text), pre > 0);
                    continue;
                case HtmlNodeType.Comment:
                    continue;
                case HtmlNodeType.Element:
                    if (name.Equals("title", StringComparison.OrdinalIgnoreCase))
                    {
                        title ??= Collapse(HtmlEntity.DeEntitize(node.InnerText));
                        continue;
                    }
                    if (Dropped.Contains(name))
                    {
                        // <head> holds the title; everything else in it (meta, scripts) is not content.
                        if (name.Equals("head", StringComparison.OrdinalIgnoreCase) && node.SelectSingleNode(".//title") is { } t)
                            title ??= Collapse(HtmlEntity.DeEntitize(t.InnerText));
                        continue;
                    }
                    if (Blocks.Contains(name)) NewLine(sb);
                    if (name.Equals("pre", StringComparison.OrdinalIgnoreCase)) pre++;
                    break;
            }
            stack.Push((node, true));
            for (var child = node.LastChild; child is not null; child = child.PreviousSibling)
                stack.Push((child, false));
        }
        return (string.IsNullOrWhiteSpace(title) ? null : title, sb.ToString());
    }

    private static void NewLine(StringBuilder sb)
    {
        while (sb.Length > 0 && sb[^1] == ' ') sb.Length--;
        if (sb.Length > 0 && sb[^1] != '\n') sb.Append('\n');
    }

    private static void AppendText(StringBuilder sb, string text, bool preformatted)
    {
        if (preformatted)
        {
            sb.Append(text);
            return;
        }
        foreach (var ch in text)
        {
            if (char.IsWhiteSpace(ch))
            {
                if (sb.Length > 0 && !char.IsWhiteSpace(sb[^1])) sb.Append(' ');
            }
            else
            {
                sb.Append(ch);
            }
        }
    }

    private static string Collapse(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
